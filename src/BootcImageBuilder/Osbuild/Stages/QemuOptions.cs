namespace BootcImageBuilder.Osbuild;

/// <summary><c>org.osbuild.qemu</c>: convert the raw image given as input <c>image</c> with qemu-img.</summary>
public sealed record QemuOptions(string Filename, QemuFormat Format)
    : StageOptions("org.osbuild.qemu");
