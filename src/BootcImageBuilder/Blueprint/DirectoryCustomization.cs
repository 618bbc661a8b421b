using System.Text.Json.Serialization;

namespace BootcImageBuilder.Blueprint;

/// <summary><c>[[customizations.directories]]</c>: a directory to create.</summary>
public sealed record DirectoryCustomization
{
    [JsonPropertyName("path")]
    public required string Path { get; init; }

    [JsonPropertyName("user")]
    public OwnerId? User { get; init; }

    [JsonPropertyName("group")]
    public OwnerId? Group { get; init; }

    /// <summary>Octal, e.g. <c>0755</c>.</summary>
    [JsonPropertyName("mode")]
    public string? Mode { get; init; }

    [JsonPropertyName("ensure_parents")]
    public bool? EnsureParents { get; init; }
}
