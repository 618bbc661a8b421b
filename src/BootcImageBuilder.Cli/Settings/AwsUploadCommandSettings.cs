using BootcImageBuilder.Upload;
using BootcImageBuilder.Upload.Aws;

namespace BootcImageBuilder.Cli.Settings;

/// <summary><c>upload aws</c>: an image built earlier, where it goes, and how progress is shown.</summary>
internal sealed record AwsUploadCommandSettings(string ImagePath, AmiTarget Target, ProgressMode Progress)
{
    public IUploadTarget CreateTarget() => new AwsUploadTarget(Target.Region, Target.Bucket, Target.AmiName, Target.Arch);
}
