namespace BootcImageBuilder;

/// <summary>A CPU architecture, named as osbuild names it (<c>x86_64</c>, <c>aarch64</c>, …).</summary>
public sealed record Arch
{
    public static readonly Arch X86_64 = new("x86_64", "amd64");
    public static readonly Arch Aarch64 = new("aarch64", "arm64");
    public static readonly Arch Ppc64le = new("ppc64le", "ppc64le");
    public static readonly Arch S390x = new("s390x", "s390x");
    public static readonly Arch Riscv64 = new("riscv64", "riscv64");
    public static readonly Arch Arm = new("arm", "arm");

    /// <summary>The architectures bootc disk images are built for.</summary>
    public static IReadOnlyList<Arch> DiskArches { get; } = [X86_64, Aarch64, Ppc64le, S390x, Riscv64];

    private Arch(string name, string goArch)
    {
        Name = name;
        GoArch = goArch;
    }

    /// <summary>The osbuild/RPM spelling, e.g. <c>x86_64</c>.</summary>
    public string Name { get; }

    /// <summary>The Go/OCI spelling, e.g. <c>amd64</c>, used by container images and upstream's canary binaries.</summary>
    public string GoArch { get; }

    /// <summary>Accepts both spellings, as upstream's <c>arch.FromString</c> does.</summary>
    public static Arch Parse(string value) => value switch
    {
        "amd64" or "x86_64" => X86_64,
        "arm64" or "aarch64" => Aarch64,
        "ppc64le" => Ppc64le,
        "s390x" => S390x,
        "riscv64" => Riscv64,
        "arm" or "armv7" => Arm,
        _ => throw new BibException($"unsupported architecture \"{value}\""),
    };

    /// <summary>The architecture this process runs on.</summary>
    public static Arch Current => System.Runtime.InteropServices.RuntimeInformation.OSArchitecture switch
    {
        System.Runtime.InteropServices.Architecture.X64 => X86_64,
        System.Runtime.InteropServices.Architecture.Arm64 => Aarch64,
        System.Runtime.InteropServices.Architecture.Ppc64le => Ppc64le,
        System.Runtime.InteropServices.Architecture.S390x => S390x,
        System.Runtime.InteropServices.Architecture.RiscV64 => Riscv64,
        System.Runtime.InteropServices.Architecture.Arm => Arm,
        var other => throw new BibException($"unsupported architecture \"{other}\""),
    };

    public override string ToString() => Name;
}
