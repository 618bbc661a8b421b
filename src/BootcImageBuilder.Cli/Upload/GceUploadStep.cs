using BootcImageBuilder.Cli.Progress;
using BootcImageBuilder.Cli.Settings;
using BootcImageBuilder.Upload.Gce;

namespace BootcImageBuilder.Cli.Upload;

/// <summary>The GCE upload as <c>build --gce-*</c> and <c>upload gce</c> both run it, ending with <c>GCE image registered: NAME</c>.</summary>
internal static class GceUploadStep
{
    public static async Task RunAsync(
        GceUploadSettings settings,
        string archivePath,
        IProgressReporter progress,
        ResultLine result,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentNullException.ThrowIfNull(result);
        var archive = new FileInfo(archivePath);
        if (!archive.Exists)
        {
            throw new BibException($"cannot upload GCE image: {archivePath} is not a file");
        }

        progress.Pulse("Uploading to Google Cloud");
        progress.Message($"Uploading {archivePath} to gs://{settings.Request.Bucket}");
        var bytes = new TransferProgress(progress, $"Uploading {archive.Name}", archive.Length);
        var name = await new GceImageUploader(settings.Endpoints).UploadAsync(settings.Request, archive.FullName, bytes, cancellationToken);
        result.Write($"GCE image registered: {name}");
    }
}
