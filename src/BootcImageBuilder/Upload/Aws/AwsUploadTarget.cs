using Serilog;

namespace BootcImageBuilder.Upload.Aws;

/// <summary>
/// The AMI upload (<see cref="AmiUploader"/>) as a build's or <c>upload aws</c>'s target: upstream's checks, their
/// status lines at log level info, then the raw image uploaded and registered with upstream's status lines.
/// </summary>
/// <param name="arch">The image's architecture; an architecture EC2 cannot run is refused by the checks.</param>
public sealed class AwsUploadTarget(string region, string bucket, string amiName, Arch arch) : IUploadTarget
{
    public const string ProviderName = "aws";

    private AmiUploader? _uploader;

    public string Provider => ProviderName;

    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            await CheckedUploaderAsync(cancellationToken);
        }
        catch (BibException e)
        {
            throw BibException.Wrap("cannot handle AWS setup", e);
        }
    }

    public async Task UploadAsync(string artifactPath, IUploadView progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        if (_uploader is null)
        {
            // A file built earlier: refused before AWS is asked anything, as upstream fails to open it first.
            UploadSource.Check(artifactPath, "cannot upload");
        }

        try
        {
            var uploader = await CheckedUploaderAsync(cancellationToken);
            var total = UploadSource.Check(artifactPath, "cannot upload");
            var bytes = progress.Transfer($"Uploading {uploader.Target.AmiName}", total);
            await uploader.UploadAndRegisterAsync(artifactPath, bytes, progress.Status, cancellationToken);
        }
        catch (BibException e)
        {
            throw BibException.Wrap("cannot upload AMI", e);
        }
    }

    public void Dispose() => _uploader?.Dispose();

    /// <summary>The uploader the checks passed for, made and checked on the first call.</summary>
    private async Task<AmiUploader> CheckedUploaderAsync(CancellationToken cancellationToken)
    {
        if (_uploader is { } done)
        {
            return done;
        }

        var uploader = AmiUploader.Create(new AmiTarget(region, bucket, amiName, arch));
        try
        {
            await uploader.CheckAsync(line => Log.Information("{Status:l}", line), cancellationToken);
        }
        catch
        {
            uploader.Dispose();
            throw;
        }

        _uploader = uploader;
        return uploader;
    }
}
