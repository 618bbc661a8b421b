using BootcImageBuilder.Building;
using BootcImageBuilder.Cli.Progress;
using BootcImageBuilder.Cli.Settings;
using BootcImageBuilder.Upload;
using BootcImageBuilder.Upload.Gce;

namespace BootcImageBuilder.Cli.Upload;

/// <summary>The GCE upload as <c>build --gce-*</c> and <c>upload gce</c> both run it, ending with <c>GCE image registered: NAME</c>.</summary>
internal static class GceUploadStep
{
    /// <summary>Before a build: credentials, bucket and a free image name, so a long build does not end in a refusal.</summary>
    public static async Task CheckAsync(GceUploadSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        try
        {
            await new GceImageUploader(settings.Endpoints).CheckTargetAsync(settings.Request, cancellationToken);
        }
        catch (BibException e)
        {
            throw BibException.Wrap("cannot handle GCE setup", e);
        }
    }

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
        var size = UploadSource.Check(archivePath, "cannot upload GCE image");
        var archive = new FileInfo(archivePath);
        progress.Pulse("Uploading to Google Cloud");
        progress.Message($"Uploading {archivePath} to gs://{settings.Request.Bucket}");
        var bytes = new TransferProgress(progress, $"Uploading {archive.Name}", size);
        var name = await new GceImageUploader(settings.Endpoints).UploadAsync(settings.Request, archive.FullName, bytes, cancellationToken);
        result.Write($"GCE image registered: {name}");
    }
}
