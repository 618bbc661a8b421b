using System.Text.Json.Serialization;

namespace BootcImageBuilder.Osbuild;

/// <summary><c>org.osbuild.systemd</c>: enable, disable or mask units and set the default target.</summary>
public sealed record SystemdOptions(
    [property: JsonPropertyName("enabled_services")] IReadOnlyList<string>? EnabledServices = null,
    [property: JsonPropertyName("disabled_services")] IReadOnlyList<string>? DisabledServices = null,
    [property: JsonPropertyName("masked_services")] IReadOnlyList<string>? MaskedServices = null,
    [property: JsonPropertyName("default_target")] string? DefaultTarget = null)
    : StageOptions("org.osbuild.systemd");
