using System.Text.Json.Serialization;

namespace BootcImageBuilder.Osbuild;

/// <summary><c>org.osbuild.grub2.iso</c>: the UEFI boot tree of an installer ISO (EFI binaries and <c>grub.cfg</c>).</summary>
public sealed record Grub2IsoOptions(
    IsoProduct Product,
    IsoKernel Kernel,
    string Isolabel,
    IReadOnlyList<string> Architectures,
    string? Vendor,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool Fips = false,
    bool Troubleshooting = true,
    bool Test = true,
    bool Install = true)
    : StageOptions("org.osbuild.grub2.iso");
