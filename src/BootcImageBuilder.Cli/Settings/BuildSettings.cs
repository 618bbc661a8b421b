using BootcImageBuilder.Building;

namespace BootcImageBuilder.Cli.Settings;

/// <summary><c>build</c>'s flags: the core's request, how progress is shown, and the upload flags its targets came from.</summary>
internal sealed record BuildSettings(BuildRequest Request, ProgressMode Progress)
{
    public AwsUploadSettings? Aws { get; init; }

    public GceUploadSettings? Gce { get; init; }
}
