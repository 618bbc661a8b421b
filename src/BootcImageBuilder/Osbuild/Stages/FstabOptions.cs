using System.Text.Json.Serialization;

namespace BootcImageBuilder.Osbuild;

/// <summary><c>org.osbuild.fstab</c>: write <c>/etc/fstab</c>.</summary>
public sealed record FstabOptions(IReadOnlyList<FstabEntry> Filesystems)
    : StageOptions("org.osbuild.fstab");

/// <summary>One <c>/etc/fstab</c> line; zero freq/passno are left out as upstream does.</summary>
public sealed record FstabEntry(
    [property: JsonPropertyName("vfs_type"), JsonPropertyOrder(1)] string VfsType,
    string? Uuid = null,
    string? Label = null,
    [property: JsonPropertyOrder(2)] string? Path = null,
    [property: JsonPropertyOrder(2)] string? Options = null,
    [property: JsonPropertyOrder(2), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] long Freq = 0,
    [property: JsonPropertyOrder(2), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] long Passno = 0);
