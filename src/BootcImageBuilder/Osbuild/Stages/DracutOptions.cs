using System.Text.Json.Serialization;

namespace BootcImageBuilder.Osbuild;

/// <summary><c>org.osbuild.dracut</c>: build an initramfs for each kernel version.</summary>
public sealed record DracutOptions(
    IReadOnlyList<string> Kernel,
    [property: JsonPropertyName("add_modules")] IReadOnlyList<string>? AddModules = null,
    IReadOnlyList<string>? Install = null,
    IReadOnlyList<string>? Extra = null)
    : StageOptions("org.osbuild.dracut");
