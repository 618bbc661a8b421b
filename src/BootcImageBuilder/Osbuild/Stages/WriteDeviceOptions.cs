namespace BootcImageBuilder.Osbuild;

/// <summary><c>org.osbuild.write-device</c>: write a file (for example <c>input://tree/usr/lib/…/aboot.img</c>) raw onto device <c>device</c>.</summary>
public sealed record WriteDeviceOptions(string From)
    : StageOptions("org.osbuild.write-device");
