using System.Text.Json.Serialization;

namespace BootcImageBuilder.Blueprint;

/// <summary><c>[customizations.installer.bootloader]</c>.</summary>
public sealed record InstallerBootloaderCustomization
{
    [JsonPropertyName("grub2")]
    public InstallerGrub2Customization? Grub2 { get; init; }
}
