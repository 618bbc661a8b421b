namespace BootcImageBuilder.Upload.Aws;

/// <summary>Where an AMI goes: the region, the bucket the raw image passes through, the AMI's name and architecture.</summary>
public sealed record AmiTarget
{
    public AmiTarget(string region, string bucket, string amiName, Arch arch)
    {
        ArgumentException.ThrowIfNullOrEmpty(region);
        ArgumentException.ThrowIfNullOrEmpty(bucket);
        ArgumentException.ThrowIfNullOrEmpty(amiName);
        ArgumentNullException.ThrowIfNull(arch);
        Region = region;
        Bucket = bucket;
        AmiName = amiName;
        Arch = arch;
        Ec2Architecture = Ec2Architectures.For(arch);
    }

    public string Region { get; }

    public string Bucket { get; }

    public string AmiName { get; }

    public Arch Arch { get; }

    /// <summary>EC2's name for <see cref="Arch"/>; checked up front, where upstream finds out only after the upload.</summary>
    public string Ec2Architecture { get; }
}
