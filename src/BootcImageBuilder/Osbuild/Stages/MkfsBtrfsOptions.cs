namespace BootcImageBuilder.Osbuild;

/// <summary><c>org.osbuild.mkfs.btrfs</c> on device <c>device</c>.</summary>
public sealed record MkfsBtrfsOptions(string Uuid, string? Label = null)
    : StageOptions("org.osbuild.mkfs.btrfs");
