using System.Text.Json.Serialization;

namespace BootcImageBuilder.Blueprint;

/// <summary><c>[customizations.sshd]</c>: sshd_config settings.</summary>
public sealed record SshdCustomization
{
    [JsonPropertyName("password_authentication")]
    public bool? PasswordAuthentication { get; init; }

    [JsonPropertyName("client_alive_interval")]
    public long? ClientAliveInterval { get; init; }

    [JsonPropertyName("permit_root_login")]
    public string? PermitRootLogin { get; init; }

    [JsonPropertyName("kbd_interactive_authentication")]
    public bool? KbdInteractiveAuthentication { get; init; }
}
