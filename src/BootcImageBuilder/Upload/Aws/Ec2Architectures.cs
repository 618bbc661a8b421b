namespace BootcImageBuilder.Upload.Aws;

/// <summary>The architectures EC2 registers images for, in EC2's spelling.</summary>
public static class Ec2Architectures
{
    public static string For(Arch arch)
    {
        ArgumentNullException.ThrowIfNull(arch);
        if (arch == Arch.X86_64)
        {
            return "x86_64";
        }

        if (arch == Arch.Aarch64)
        {
            return "arm64";
        }

        throw new BibException($"ec2 doesn't support the following arch: {arch.Name}");
    }
}
