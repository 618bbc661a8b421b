using System.Text.Json.Serialization;

namespace BootcImageBuilder.Osbuild;

/// <summary>The target format of <see cref="QemuOptions"/>; each kind carries only the keys upstream writes for it.</summary>
[JsonDerivedType(typeof(Qcow2Format))]
[JsonDerivedType(typeof(VmdkFormat))]
[JsonDerivedType(typeof(VpcFormat))]
[JsonDerivedType(typeof(VdiFormat))]
[JsonDerivedType(typeof(VhdxFormat))]
public abstract record QemuFormat([property: JsonPropertyOrder(-1)] string Type);

/// <summary>qcow2; upstream always writes <c>compat</c>, even when empty (older bib wrote <c>""</c>, newer <c>"1.1"</c>).</summary>
public sealed record Qcow2Format(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string Compat) : QemuFormat("qcow2");

/// <summary>vmdk with an optional subformat such as <c>streamOptimized</c>.</summary>
public sealed record VmdkFormat(string? Subformat = null) : QemuFormat("vmdk");

/// <summary>vpc (VHD).</summary>
public sealed record VpcFormat([property: JsonPropertyName("force_size")] bool? ForceSize = null) : QemuFormat("vpc");

/// <summary>VirtualBox vdi.</summary>
public sealed record VdiFormat() : QemuFormat("vdi");

/// <summary>Hyper-V vhdx.</summary>
public sealed record VhdxFormat() : QemuFormat("vhdx");
