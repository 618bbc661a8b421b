using System.Text.Json.Serialization;

namespace BootcImageBuilder.Blueprint;

/// <summary><c>[customizations.ignition.embedded]</c>: an Ignition config baked into the image.</summary>
public sealed record EmbeddedIgnitionCustomization
{
    [JsonPropertyName("config")]
    public string? Config { get; init; }
}
