using System.Text.Json.Serialization;

namespace BootcImageBuilder.Blueprint;

/// <summary><c>[customizations.installer.bootloader.grub2]</c>.</summary>
public sealed record InstallerGrub2Customization
{
    /// <summary>Seconds the ISO's boot menu waits.</summary>
    [JsonPropertyName("menu-timeout")]
    public long? MenuTimeout { get; init; }
}
