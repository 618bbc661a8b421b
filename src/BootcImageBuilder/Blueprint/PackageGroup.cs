using System.Text.Json.Serialization;

namespace BootcImageBuilder.Blueprint;

/// <summary>A package group to install: <c>[[groups]]</c>.</summary>
public sealed record PackageGroup
{
    [JsonPropertyName("name")]
    public string? Name { get; init; }
}
