using BootcImageBuilder.Osbuild;

namespace BootcImageBuilder.Images.Pipelines.Installer;

/// <summary>
/// What fills the <c>anaconda-tree</c> pipeline before the installer setup: RPM stages (legacy ISO) or the installer
/// container deployed (bootc-installer), and where its kernel and initramfs end up.
/// </summary>
/// <param name="ContentStages">The stages installing the tree's content.</param>
/// <param name="KernelVersion">The kernel dracut builds the initramfs for.</param>
/// <param name="KernelPath">The kernel, relative to the tree.</param>
/// <param name="InitramfsPath">The initramfs, relative to the tree.</param>
/// <param name="ExplicitInitramfsPath">Whether dracut must be told <paramref name="InitramfsPath"/> (it writes <c>/boot/initramfs-&lt;ver&gt;.img</c> otherwise).</param>
/// <param name="InstallerHome">The <c>install</c> user's home: <c>/root</c>, or <c>/var/roothome</c> on bootc.</param>
public sealed record InstallerTree(
    IReadOnlyList<Stage> ContentStages,
    string KernelVersion,
    string KernelPath,
    string InitramfsPath,
    bool ExplicitInitramfsPath,
    string InstallerHome)
{
    /// <summary>A tree installed from RPMs: the kernel and initramfs under <c>/boot</c>.</summary>
    public static InstallerTree FromRpms(IReadOnlyList<Stage> rpmStages, string kernelVersion) =>
        new(rpmStages, kernelVersion, $"boot/vmlinuz-{kernelVersion}", $"boot/initramfs-{kernelVersion}.img", false, "/root");

    /// <summary>A tree deployed from a bootc container: the kernel and initramfs under <c>/lib/modules/&lt;ver&gt;</c>.</summary>
    public static InstallerTree FromContainer(Stage deployStage, string kernelVersion) =>
        new([deployStage], kernelVersion, $"lib/modules/{kernelVersion}/vmlinuz", $"lib/modules/{kernelVersion}/initramfs.img", true, "/var/roothome");
}
