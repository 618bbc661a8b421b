using System.Text.Json.Serialization;

namespace BootcImageBuilder.Blueprint;

/// <summary>An RPM package (or module) to install: <c>[[packages]]</c>, <c>[[modules]]</c>.</summary>
public sealed record PackageSpec
{
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("version")]
    public string? Version { get; init; }
}
