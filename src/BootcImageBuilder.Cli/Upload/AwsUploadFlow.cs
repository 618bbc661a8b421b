using BootcImageBuilder.Building;
using BootcImageBuilder.Cli.Progress;
using BootcImageBuilder.Cli.Settings;
using BootcImageBuilder.Upload;
using BootcImageBuilder.Upload.Aws;
using Serilog;

namespace BootcImageBuilder.Cli.Upload;

/// <summary>
/// The AMI upload as <c>build --aws-*</c> and <c>upload aws</c> both run it: upstream's checks (status at log level
/// info), then the upload with a byte progress display and upstream's status lines.
/// </summary>
internal sealed class AwsUploadFlow(TextWriter stdout)
{
    /// <summary>Runs the checks and returns the uploader they passed for.</summary>
    public static async Task<AmiUploader> CheckAsync(AmiTarget target, CancellationToken cancellationToken)
    {
        var uploader = AmiUploader.Create(target);
        try
        {
            await uploader.CheckAsync(line => Log.Information("{Status:l}", line), cancellationToken);
            return uploader;
        }
        catch
        {
            uploader.Dispose();
            throw;
        }
    }

    public async Task<RegisteredAmi> UploadAsync(
        AmiUploader uploader, string imagePath, ProgressMode mode, IProgressReporter reporter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(uploader);
        var total = UploadSource.Check(imagePath, "cannot upload");
        var progress = UploadProgress.For(mode, reporter, stdout, $"Uploading {uploader.Target.AmiName}", total);
        return await uploader.UploadAndRegisterAsync(imagePath, progress.Bytes, progress.Status, cancellationToken);
    }
}
