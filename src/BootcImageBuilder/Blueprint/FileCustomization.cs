using System.Text.Json.Serialization;

namespace BootcImageBuilder.Blueprint;

/// <summary><c>[[customizations.files]]</c>: a file to create, from inline <see cref="Data"/> or a <see cref="Uri"/>.</summary>
public sealed record FileCustomization
{
    [JsonPropertyName("path")]
    public required string Path { get; init; }

    [JsonPropertyName("user")]
    public OwnerId? User { get; init; }

    [JsonPropertyName("group")]
    public OwnerId? Group { get; init; }

    /// <summary>Octal, e.g. <c>0644</c>.</summary>
    [JsonPropertyName("mode")]
    public string? Mode { get; init; }

    [JsonPropertyName("data")]
    public string? Data { get; init; }

    [JsonPropertyName("uri")]
    public string? Uri { get; init; }
}
