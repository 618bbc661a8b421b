using System.Text.Json.Serialization;

namespace BootcImageBuilder.Blueprint;

/// <summary><c>[customizations.installer.kickstart]</c>: the user's own kickstart text.</summary>
public sealed record KickstartCustomization
{
    [JsonPropertyName("contents")]
    public string? Contents { get; init; }
}
