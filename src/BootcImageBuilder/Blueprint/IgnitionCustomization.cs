using System.Text.Json.Serialization;

namespace BootcImageBuilder.Blueprint;

/// <summary><c>[customizations.ignition]</c>.</summary>
public sealed record IgnitionCustomization
{
    [JsonPropertyName("embedded")]
    public EmbeddedIgnitionCustomization? Embedded { get; init; }

    [JsonPropertyName("firstboot")]
    public FirstBootIgnitionCustomization? FirstBoot { get; init; }
}
