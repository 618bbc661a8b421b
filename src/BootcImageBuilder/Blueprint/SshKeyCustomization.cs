using System.Text.Json.Serialization;

namespace BootcImageBuilder.Blueprint;

/// <summary><c>[[customizations.sshkey]]</c>: the legacy way to give a user an SSH key.</summary>
public sealed record SshKeyCustomization
{
    [JsonPropertyName("user")]
    public string? User { get; init; }

    [JsonPropertyName("key")]
    public string? Key { get; init; }
}
