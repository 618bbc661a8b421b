using BootcImageBuilder.Distro;
using BootcImageBuilder.Upload;
using BootcImageBuilder.Upload.Aws;

namespace BootcImageBuilder.Cli.Settings;

/// <summary>The three AWS flags, which upstream requires together.</summary>
internal sealed record AwsUploadSettings(string Region, string Bucket, string AmiName) : IUploadSettings
{
    /// <summary>
    /// Null when none of the three flags was given; the group rule and the rule that a requested type must feed the
    /// upload (upstream's ami-type rule) are upstream's.
    /// </summary>
    public static AwsUploadSettings? FromFlags(string? region, string? bucket, string? amiName, ImageTypeSet types)
    {
        ArgumentNullException.ThrowIfNull(types);
        if (!FlagGroup.AllOrNone(("aws-region", region), ("aws-bucket", bucket), ("aws-ami-name", amiName)))
        {
            return null;
        }

        if (!types.FeedsUpload(AwsUploadTarget.ProviderName))
        {
            throw new BibException(
                $"cannot handle AWS setup: aws flags set for non-ami image type (type is set to {string.Join(',', types.Names)})");
        }

        return new AwsUploadSettings(region!, bucket!, amiName!);
    }

    public IUploadTarget CreateTarget(Arch targetArch) => new AwsUploadTarget(Region, Bucket, AmiName, targetArch);
}
