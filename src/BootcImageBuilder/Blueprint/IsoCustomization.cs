using System.Text.Json.Serialization;

namespace BootcImageBuilder.Blueprint;

/// <summary><c>[customizations.iso]</c>: ISO 9660 header fields.</summary>
public sealed record IsoCustomization
{
    [JsonPropertyName("application_id")]
    public string? ApplicationId { get; init; }

    [JsonPropertyName("publisher")]
    public string? Publisher { get; init; }

    [JsonPropertyName("volume_id")]
    public string? VolumeId { get; init; }
}
