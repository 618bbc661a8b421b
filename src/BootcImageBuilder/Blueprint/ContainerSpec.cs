using System.Text.Json.Serialization;

namespace BootcImageBuilder.Blueprint;

/// <summary>A container to embed in the image: <c>[[containers]]</c>.</summary>
public sealed record ContainerSpec
{
    [JsonPropertyName("source")]
    public string? Source { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("tls-verify")]
    public bool? TlsVerify { get; init; }

    [JsonPropertyName("local-storage")]
    public bool? LocalStorage { get; init; }
}
