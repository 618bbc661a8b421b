using System.Text.Json.Serialization;

namespace BootcImageBuilder.Blueprint;

/// <summary><c>[customizations.kernel]</c>. bootc images only honour <see cref="Append"/>.</summary>
public sealed record KernelCustomization
{
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>Extra kernel arguments, appended after the defaults.</summary>
    [JsonPropertyName("append")]
    public string? Append { get; init; }
}
