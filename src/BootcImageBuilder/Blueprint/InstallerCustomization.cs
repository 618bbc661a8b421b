using System.Text.Json.Serialization;

namespace BootcImageBuilder.Blueprint;

/// <summary><c>[customizations.installer]</c>: Anaconda settings for ISO images.</summary>
public sealed record InstallerCustomization
{
    [JsonPropertyName("unattended")]
    public bool? Unattended { get; init; }

    [JsonPropertyName("sudo-nopasswd")]
    public IReadOnlyList<string> SudoNopasswd { get; init => field = value ?? []; } = [];

    [JsonPropertyName("kickstart")]
    public KickstartCustomization? Kickstart { get; init; }

    [JsonPropertyName("modules")]
    public AnacondaModulesCustomization? Modules { get; init; }

    [JsonPropertyName("bootloader")]
    public InstallerBootloaderCustomization? Bootloader { get; init; }
}
