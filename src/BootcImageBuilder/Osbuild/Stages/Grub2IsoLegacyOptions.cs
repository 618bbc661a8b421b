using System.Text.Json.Serialization;

namespace BootcImageBuilder.Osbuild;

/// <summary><c>org.osbuild.grub2.iso.legacy</c>: the BIOS grub2 configuration of an installer ISO.</summary>
public sealed record Grub2IsoLegacyOptions(
    IsoProduct Product,
    IsoKernel Kernel,
    string Isolabel,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool Fips = false,
    bool Troubleshooting = true,
    bool Test = true,
    bool Install = true)
    : StageOptions("org.osbuild.grub2.iso.legacy");
