using System.Text.Json.Serialization;

namespace BootcImageBuilder.Blueprint;

/// <summary>A logical volume of an <c>lvm</c> partition.</summary>
public sealed record LogicalVolumeCustomization
{
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>In bytes; always greater than zero.</summary>
    [JsonPropertyName("minsize")]
    public required ulong MinSize { get; init; }

    [JsonPropertyName("mountpoint")]
    public string? Mountpoint { get; init; }

    [JsonPropertyName("label")]
    public string? Label { get; init; }

    [JsonPropertyName("fs_type")]
    public string? FsType { get; init; }
}
