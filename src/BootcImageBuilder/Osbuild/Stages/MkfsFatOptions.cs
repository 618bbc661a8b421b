using System.Text.Json.Serialization;

namespace BootcImageBuilder.Osbuild;

/// <summary><c>org.osbuild.mkfs.fat</c>; <paramref name="Volid"/> is 8 hex digits without a dash.</summary>
public sealed record MkfsFatOptions(
    string Volid,
    string? Label = null,
    [property: JsonPropertyName("fat-size")] int? FatSize = null,
    MkfsFatGeometry? Geometry = null)
    : StageOptions("org.osbuild.mkfs.fat");

/// <summary>Disk geometry for <see cref="MkfsFatOptions"/>.</summary>
public sealed record MkfsFatGeometry(
    int Heads,
    [property: JsonPropertyName("sectors-per-track")] int SectorsPerTrack);
