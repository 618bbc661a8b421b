namespace BootcImageBuilder.Cli.Settings;

/// <summary>The three AWS flags, which upstream requires together.</summary>
internal sealed record AwsUploadSettings(string Region, string Bucket, string AmiName)
{
    /// <summary>Null when none of the three flags was given; the group rule and the ami-type rule are upstream's.</summary>
    public static AwsUploadSettings? FromFlags(string? region, string? bucket, string? amiName, IReadOnlyList<string> types)
    {
        ArgumentNullException.ThrowIfNull(types);
        if (!FlagGroup.AllOrNone(("aws-region", region), ("aws-bucket", bucket), ("aws-ami-name", amiName)))
        {
            return null;
        }

        if (!types.Contains("ami"))
        {
            throw new BibException(
                $"cannot handle AWS setup: aws flags set for non-ami image type (type is set to {string.Join(',', types)})");
        }

        return new AwsUploadSettings(region!, bucket!, amiName!);
    }
}
