namespace BootcImageBuilder.Upload.Aws;

/// <summary>
/// Upstream's AMI upload: <see cref="CheckAsync"/> before the build, then <see cref="UploadAndRegisterAsync"/>:
/// multipart upload of the raw image to <c>&lt;uuid&gt;-&lt;ami name&gt;</c>, ImportSnapshot and wait, delete the object,
/// tag the snapshot, RegisterImage, tag the AMI. The object is deleted on every way out, failure and cancellation too.
/// Status lines are upstream's words; no text from AWS reaches them or an error unredacted.
/// </summary>
public sealed class AmiUploader : IDisposable
{
    private readonly AwsClients _clients;
    private readonly AmiUploadTuning _tuning;

    private AmiUploader(AmiTarget target, AwsClients clients, AmiUploadTuning tuning)
    {
        Target = target;
        _clients = clients;
        _tuning = tuning;
    }

    public AmiTarget Target { get; }

    public static AmiUploader Create(AmiTarget target, AmiUploadTuning? tuning = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        AwsClients clients;
        try
        {
            CheckCredentialFiles();
            clients = AwsClients.ForRegion(target.Region);
        }
        catch (BibException e)
        {
            throw BibException.Wrap("cannot set up the AWS clients", e);
        }
        catch (Exception e) when (AwsFailures.IsSdkOrNetwork(e) || e is ArgumentException or UriFormatException)
        {
            // A malformed endpoint variable or profile, for instance.
            throw AwsFailures.Wrap("cannot set up the AWS clients: ", e);
        }
        catch (Exception e) when (e is TypeInitializationException or InvalidOperationException or FormatException)
        {
            // The SDK's parser of the shared files fails this way; its text may quote the file, so it is not shown.
            Serilog.Log.Debug("reading the AWS configuration failed with {ExceptionType}", e.GetType().Name);
            throw new BibException("cannot set up the AWS clients: the AWS config or shared credentials file cannot be parsed");
        }

        return new AmiUploader(target, clients, tuning ?? AmiUploadTuning.Default);
    }

    /// <summary>The region exists, the bucket exists, and its ACL lets us write; upstream's messages otherwise.</summary>
    public Task CheckAsync(Action<string> status, CancellationToken cancellationToken) =>
        new UploadPreflight(_clients).CheckAsync(Target, status, cancellationToken);

    /// <param name="imagePath">The raw disk image.</param>
    /// <param name="progress">Receives the number of bytes sent so far.</param>
    /// <param name="status">Receives upstream's status lines, the last two being the AMI and snapshot ids.</param>
    /// <param name="cancellationToken">Cancels the run; what was sent is removed before the cancellation surfaces.</param>
    public async Task<RegisteredAmi> UploadAndRegisterAsync(
        string imagePath, IProgress<long>? progress, Action<string> status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(status);
        var key = $"{Guid.NewGuid()}-{Target.AmiName}";
        status($"Uploading {Target.AmiName} to {Target.Bucket}:{key}");
        var location = await AwsCall(() => new S3MultipartUpload(_clients.S3, _tuning).UploadAsync(imagePath, Target.Bucket, key, progress, cancellationToken));
        status($"File uploaded to {SecretRedaction.Redact(location)}");
        var objectLeft = true;
        try
        {
            status($"Registering AMI {Target.AmiName}");
            var snapshotId = await AwsCall(() => new SnapshotImport(_clients, _tuning).ImportAsync(Target.AmiName, Target.Bucket, key, cancellationToken));
            objectLeft = !await DeleteObjectAsync(key, status, cancellationToken);
            var imageId = await AwsCall(() => new AmiRegistration(_clients).RegisterAsync(Target, snapshotId, cancellationToken));
            status($"AMI registered: {imageId}");
            status($"Snapshot ID: {snapshotId}");
            return new RegisteredAmi(imageId, snapshotId);
        }
        finally
        {
            if (objectLeft)
            {
                using var cleanup = new CancellationTokenSource(S3Objects.CleanupTimeout);
                await DeleteObjectAsync(key, status, cleanup.Token);
            }
        }
    }

    public void Dispose() => _clients.Dispose();

    /// <summary>The files the SDK reads credentials and settings from, before it reads them.</summary>
    private static void CheckCredentialFiles()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        CredentialFiles.CheckVariable("AWS_SHARED_CREDENTIALS_FILE", Path.Join(home, ".aws", "credentials"));
        CredentialFiles.CheckVariable("AWS_CONFIG_FILE", Path.Join(home, ".aws", "config"));
        CredentialFiles.CheckVariable("AWS_WEB_IDENTITY_TOKEN_FILE");
    }

    private async Task<bool> DeleteObjectAsync(string key, Action<string> status, CancellationToken cancellationToken)
    {
        var deleted = await S3Objects.DeleteQuietlyAsync(_clients.S3, Target.Bucket, key, cancellationToken);
        if (deleted)
        {
            status($"Deleted S3 object {Target.Bucket}:{key}");
        }

        return deleted;
    }

    /// <summary>SDK and network failures become user errors with redacted text; user errors and cancellation pass.</summary>
    private static async Task<T> AwsCall<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception e) when (AwsFailures.IsSdkOrNetwork(e))
        {
            throw AwsFailures.Wrap("", e);
        }
    }
}
