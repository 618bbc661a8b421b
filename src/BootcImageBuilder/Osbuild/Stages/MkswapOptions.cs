namespace BootcImageBuilder.Osbuild;

/// <summary><c>org.osbuild.mkswap</c> on device <c>device</c>.</summary>
public sealed record MkswapOptions(string Uuid, string? Label = null)
    : StageOptions("org.osbuild.mkswap");
