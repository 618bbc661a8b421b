using System.Text.Json.Serialization;

namespace BootcImageBuilder.Blueprint;

/// <summary><c>[customizations.ignition.firstboot]</c>: where Ignition fetches its config on first boot.</summary>
public sealed record FirstBootIgnitionCustomization
{
    [JsonPropertyName("url")]
    public string? Url { get; init; }

    [JsonPropertyName("empty")]
    public bool? Empty { get; init; }
}
