namespace BootcImageBuilder.IntegrationTests.Hostile;

/// <summary>
/// Images that try to make the tool read the host, block, or run out of memory; each with the error it must end in
/// (a prefix of the message; null: the manifest is made, from the image's own files only). The script gets the image root as <c>$1</c>.
/// Links out of the image reach <see cref="HostBait"/>'s tree, absolutely and through <c>..</c>, or real host files.
/// </summary>
public static class HostileImageCases
{
    private const string Config = "usr/lib/bootc-image-builder/config.json";
    private const string DiskYaml = "usr/lib/bootc-image-builder/disk.yaml";
    private const string Prefix = "cannot generate manifest: ";

    private static readonly string Bait = HostBait.Directory;

    public static TheoryData<HostileImage, string?> All()
    {
        var data = Fixed();
        foreach (var (name, kind) in (IEnumerable<(string, string)>)[("abs", "absolute"), ("dotdot", "..")])
        {
            string To(string relative) => kind == "absolute" ? $"{Bait}/{relative}" : HostBait.DotDot(relative);
            data.Add(new($"bait-{name}-config", $"mkdir -p \"$1/usr/lib/bootc-image-builder\"; ln -s {To("config.json")} \"$1/{Config}\""), null);
            data.Add(new($"bait-{name}-config-dir", $"rm -rf \"$1/usr/lib/bootc-image-builder\"; ln -s {To("")} \"$1/usr/lib/bootc-image-builder\""), null);
            data.Add(new($"bait-{name}-disk-yaml", $"mkdir -p \"$1/usr/lib/bootc-image-builder\"; ln -s {To("disk.yaml")} \"$1/{DiskYaml}\""), null);
            data.Add(new($"bait-{name}-os-release", $"rm -f \"$1/etc/os-release\" \"$1/usr/lib/os-release\"; ln -s {To("os-release")} \"$1/usr/lib/os-release\""), Prefix + "failed to read os-release:");
            data.Add(new($"bait-{name}-selinux-config", $"ln -sf {To("selinux/config")} \"$1/etc/selinux/config\""), null);
            data.Add(new($"bait-{name}-selinux-dir", $"rm -rf \"$1/etc/selinux\"; ln -s {To("selinux")} \"$1/etc/selinux\""), null);
            // An installer ISO's manifest names the installer's UEFI vendor and kernel version, so a read of the tree shows.
            data.Add(new($"bait-{name}-efi-dir", $"rm -rf \"$1/usr/lib/bootupd/updates/EFI\"; ln -s {To("EFI")} \"$1/usr/lib/bootupd/updates/EFI\"", AsInstaller: true), null);
            data.Add(new($"bait-{name}-modules-dir", $"rm -rf \"$1/usr/lib/modules\"; ln -s {To("modules")} \"$1/usr/lib/modules\"", AsInstaller: true), Prefix + "cannot find a kernel in ");
        }

        return data;
    }

    private static TheoryData<HostileImage, string?> Fixed() => new()
    {
        // The embedded config: a link to a host file must resolve inside the image (where nothing is).
        { new("config-abs-link", $"mkdir -p \"$1/usr/lib/bootc-image-builder\"; ln -s /tmp/bib-hostile-host/config.json \"$1/{Config}\""), null },
        { new("config-dotdot-link", $"mkdir -p \"$1/usr/lib/bootc-image-builder\"; ln -s ../../../../../../../tmp/bib-hostile-host/config.json \"$1/{Config}\""), null },
        { new("config-dir-link", $"rm -rf \"$1/usr/lib/bootc-image-builder\"; ln -s /tmp/bib-hostile-host \"$1/usr/lib/bootc-image-builder\""), null },
        { new("config-link-loop", $"mkdir -p \"$1/usr/lib/bootc-image-builder\"; ln -s config.json \"$1/{Config}\""), Prefix + "cannot load config from \"/usr/lib/bootc-image-builder/config.json\": more than 40 symbolic links" },
        { new("config-fifo", $"mkdir -p \"$1/usr/lib/bootc-image-builder\"; mkfifo \"$1/{Config}\""), Prefix + "cannot load config from \"/usr/lib/bootc-image-builder/config.json\": is a named pipe, not a regular file" },
        { new("config-dev-zero", $"mkdir -p \"$1/usr/lib/bootc-image-builder\"; mknod \"$1/{Config}\" c 1 5"), Prefix + "cannot load config from \"/usr/lib/bootc-image-builder/config.json\": is a device, not a regular file" },
        { new("config-link-dev-zero", $"mkdir -p \"$1/usr/lib/bootc-image-builder\"; ln -s /dev/zero \"$1/{Config}\""), null },
        { new("config-directory", $"mkdir -p \"$1/{Config}\""), Prefix + "cannot load config from \"/usr/lib/bootc-image-builder/config.json\": is a directory" },
        { new("config-huge", $"mkdir -p \"$1/usr/lib/bootc-image-builder\"; truncate -s 2G \"$1/{Config}\""), Prefix + "cannot load config from \"/usr/lib/bootc-image-builder/config.json\": is larger than 1048576 bytes" },
        { new("disk-yaml-abs-link", $"mkdir -p \"$1/usr/lib/bootc-image-builder\"; ln -s /etc/passwd \"$1/{DiskYaml}\""), null },
        { new("disk-yaml-fifo", $"mkdir -p \"$1/usr/lib/bootc-image-builder\"; mkfifo \"$1/{DiskYaml}\""), Prefix + "cannot load disk definitions from \"/usr/lib/bootc-image-builder/disk.yaml\": is a named pipe, not a regular file" },
        { new("iso-yaml-block-device", "mkdir -p \"$1/usr/lib/image-builder/bootc\"; mknod \"$1/usr/lib/image-builder/bootc/iso.yaml\" b 7 0"), Prefix + "cannot load iso definitions from \"/usr/lib/image-builder/bootc/iso.yaml\": is a device, not a regular file" },
        // os-release is required: a link out of the image finds nothing there.
        { new("os-release-abs-link", "rm -f \"$1/etc/os-release\" \"$1/usr/lib/os-release\"; ln -s /etc/os-release \"$1/usr/lib/os-release\""), Prefix + "failed to read os-release:" },
        { new("os-release-fifo", "rm -f \"$1/etc/os-release\" \"$1/usr/lib/os-release\"; mkfifo \"$1/usr/lib/os-release\""), Prefix + "failed to read os-release:" },
        { new("os-release-huge", "truncate -s 100M \"$1/usr/lib/os-release\""), Prefix + "failed to read os-release:" },
        { new("selinux-config-link-to-host", "ln -sf /etc/selinux/config \"$1/etc/selinux/config\""), null },
        { new("selinux-config-fifo", "rm -f \"$1/etc/selinux/config\"; mkfifo \"$1/etc/selinux/config\""), null },
        { new("efi-vendor-link-out", "rm -rf \"$1/usr/lib/bootupd/updates/EFI/centos\"; ln -s /etc \"$1/usr/lib/bootupd/updates/EFI/centos\""), null },
        { new("efi-dir-link-to-root", "rm -rf \"$1/usr/lib/bootupd/updates/EFI\"; ln -s / \"$1/usr/lib/bootupd/updates/EFI\""), null },
        { new("kernel-dir-link-out", "rm -rf \"$1/usr/lib/modules\"/*; ln -s /usr/lib/modules/x \"$1/usr/lib/modules/6.0\""), null },
        { new("kernel-vmlinuz-fifo", "rm -rf \"$1/usr/lib/modules\"/*; mkdir -p \"$1/usr/lib/modules/6.0\"; mkfifo \"$1/usr/lib/modules/6.0/vmlinuz\""), null },
        { new("kernel-version-like-a-flag", "rm -rf \"$1/usr/lib/modules\"/*; mkdir -p \"$1/usr/lib/modules/--help\"; echo k > \"$1/usr/lib/modules/--help/vmlinuz\""), null },
        { new("modules-dir-is-a-fifo", "rm -rf \"$1/usr/lib/modules\"; mkfifo \"$1/usr/lib/modules\""), null },
        { new("passwd-as-os-release", "rm -f \"$1/etc/os-release\" \"$1/usr/lib/os-release\"; ln -s ../../../../../../etc/passwd \"$1/usr/lib/os-release\""), Prefix + "failed to read os-release:" },
        // A FIFO among bootc's configuration files is never opened (the run would block); bootc is asked instead.
        { new("install-toml-fifo", "mkfifo \"$1/usr/lib/bootc/install/50-fifo.toml\""), null },
        // An image command that never stops printing is stopped at the bound, and its container is removed.
        { new("bootc-prints-forever", "rm -rf \"$1/usr/lib/bootc/install\" \"$1/usr/bin/bootc\"; printf '#!/bin/sh\\nexec cat /dev/zero\\n' > \"$1/usr/bin/bootc\"; chmod 755 \"$1/usr/bin/bootc\""), Prefix + "cannot run bootc install print-configuration in the image's container: podman printed more than 16777216 bytes on standard output; it was stopped" },
    };
}
