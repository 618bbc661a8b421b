using BootcImageBuilder.Upload;

namespace BootcImageBuilder.Cli.Settings;

/// <summary>What <c>upload gce</c> needs: the target, the archive built earlier, and how progress is shown.</summary>
internal sealed record UploadGceSettings(GceUploadSettings Gce, string ArchivePath, ProgressMode Progress)
{
    public IUploadTarget CreateTarget() => Gce.CreateTarget(Arch.Current);
}
