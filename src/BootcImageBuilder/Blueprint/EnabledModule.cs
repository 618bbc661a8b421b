using System.Text.Json.Serialization;

namespace BootcImageBuilder.Blueprint;

/// <summary>A modularity stream to enable: <c>[[enabled_modules]]</c>.</summary>
public sealed record EnabledModule
{
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("stream")]
    public string? Stream { get; init; }
}
