using Google.Apis.Upload;
using Google.Cloud.Storage.V1;
using Serilog;
using StorageObject = Google.Apis.Storage.v1.Data.Object;

namespace BootcImageBuilder.Upload.Gce;

/// <summary>
/// The storage half: a resumable upload of the archive that never overwrites an existing object, and the cleanup
/// that leaves nothing behind (an unfinished session is cancelled, a finished object deleted).
/// </summary>
internal sealed class GcsArchiveUpload(StorageClient storage, string bucket, string objectName)
{
    private const string ArchiveContentType = "application/gzip";

    /// <summary>How long cleanup may take once the run itself was cancelled or failed.</summary>
    private static readonly TimeSpan CleanupTimeout = TimeSpan.FromSeconds(60);

    private Uri? _session;
    private StorageObject? _object;

    public string Description => $"gs://{bucket}/{objectName}";

    /// <summary>The https URL Compute Engine reads the archive from.</summary>
    public string SourceUrl => $"https://storage.googleapis.com/{bucket}/{Uri.EscapeDataString(objectName)}";

    public async Task UploadAsync(string path, int chunkSize, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        await using var source = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        // IfGenerationMatch = 0: the upload fails rather than replace an object someone else owns.
        var uploader = storage.CreateObjectUploader(bucket, objectName, ArchiveContentType, source, new UploadObjectOptions
        {
            ChunkSize = chunkSize,
            IfGenerationMatch = 0,
        });
        uploader.UploadSessionData += session => _session = session.UploadUri;
        uploader.ProgressChanged += p =>
        {
            if (p.Status is UploadStatus.Uploading or UploadStatus.Completed)
            {
                progress?.Report(p.BytesSent);
            }
        };

        IUploadProgress result;
        try
        {
            // WaitAsync: the library does not give way to cancellation while a call stalls.
            result = await uploader.UploadAsync(cancellationToken).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            await CancelSessionAsync();
            throw;
        }

        if (result.Status == UploadStatus.Completed && uploader.ResponseBody is { } uploaded)
        {
            _object = uploaded;
            _session = null;
            return;
        }

        await CancelSessionAsync();
        cancellationToken.ThrowIfCancellationRequested();
        if (result.Exception is OperationCanceledException)
        {
            throw new OperationCanceledException("interrupted", result.Exception);
        }

        var reason = result.Exception is null ? "the upload did not complete" : GoogleErrors.Describe(result.Exception);
        throw new BibException($"cannot upload to {Description}: {reason}");
    }

    /// <summary>Cancels an unfinished session and deletes the object if it was stored; errors are logged, not thrown.</summary>
    public async Task<bool> CleanUpAsync()
    {
        await CancelSessionAsync();
        if (_object is not { } stored)
        {
            return true;
        }

        using var timeout = new CancellationTokenSource(CleanupTimeout);
        try
        {
            // The generation precondition deletes exactly what this run stored.
            await storage.DeleteObjectAsync(bucket, objectName, new DeleteObjectOptions { IfGenerationMatch = stored.Generation }, timeout.Token)
                .WaitAsync(timeout.Token);
            _object = null;
            Log.Information("deleted {Object}", Description);
            return true;
        }
        catch (Exception e) when (e is Google.GoogleApiException or HttpRequestException or OperationCanceledException or IOException)
        {
            Log.Warning("cannot delete {Object}: {Reason}", Description, GoogleErrors.Describe(e));
            return false;
        }
    }

    /// <summary>A cancelled session holds no data and cannot be resumed (DELETE on the session URI, answered 499).</summary>
    private async Task CancelSessionAsync()
    {
        if (_session is not { } session)
        {
            return;
        }

        _session = null;
        using var timeout = new CancellationTokenSource(CleanupTimeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Delete, session) { Content = new ByteArrayContent([]) };
            using var response = await storage.Service.HttpClient.SendAsync(request, timeout.Token);
            Log.Debug("cancelled the upload session of {Object}: HTTP {Status}", Description, (int)response.StatusCode);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
        {
            // The session URI itself is a credential: only the object is named.
            Log.Warning("cannot cancel the upload session of {Object}: {Reason}", Description, GoogleErrors.Describe(e));
        }
    }
}
