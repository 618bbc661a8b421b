namespace BootcImageBuilder.Osbuild;

/// <summary><c>org.osbuild.mkfs.ext4</c> on device <c>device</c>.</summary>
public sealed record MkfsExt4Options(string Uuid, string? Label = null, bool? Verity = null)
    : StageOptions("org.osbuild.mkfs.ext4");
