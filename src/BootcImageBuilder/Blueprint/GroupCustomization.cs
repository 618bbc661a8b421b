using System.Text.Json.Serialization;

namespace BootcImageBuilder.Blueprint;

/// <summary><c>[[customizations.group]]</c>: a group to create.</summary>
public sealed record GroupCustomization
{
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    [JsonPropertyName("gid")]
    public long? Gid { get; init; }
}
