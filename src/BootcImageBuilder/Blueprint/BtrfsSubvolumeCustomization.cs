using System.Text.Json.Serialization;

namespace BootcImageBuilder.Blueprint;

/// <summary>A subvolume of a <c>btrfs</c> partition.</summary>
public sealed record BtrfsSubvolumeCustomization
{
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("mountpoint")]
    public string? Mountpoint { get; init; }
}
