namespace BootcImageBuilder.Osbuild;

/// <summary><c>org.osbuild.mkfs.xfs</c> on device <c>device</c>.</summary>
public sealed record MkfsXfsOptions(string Uuid, string? Label = null)
    : StageOptions("org.osbuild.mkfs.xfs");
