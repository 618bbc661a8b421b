namespace BootcImageBuilder.IntegrationTests.EndToEnd.Boot;

/// <summary>
/// The boot loader entry of a built disk (<c>/boot/loader/entries/*.conf</c>) with its kernel and initramfs copied out,
/// ready for QEMU's direct kernel boot.
/// </summary>
internal sealed record BootEntry(string Kernel, string Initrd, string Options)
{
    /// <summary>Where a disk keeps <c>loader/entries</c>: a /boot partition, or /boot in the root (or its btrfs subvolume).</summary>
    private static readonly string[] BootDirectories = ["", "boot", Path.Join("root", "boot")];

    /// <summary>
    /// Reads the single entry of the raw disk <paramref name="rawImage"/> (attached read-only) and copies its kernel and
    /// initramfs into <paramref name="work"/>.
    /// </summary>
    public static async Task<BootEntry> ReadAsync(string rawImage, string work)
    {
        await using var disk = await AttachedDisk.AttachAsync(rawImage, work);
        foreach (var partition in disk.Partitions)
        {
            if (await disk.FilesystemTypeAsync(partition.Number) is not ("xfs" or "ext4" or "btrfs"))
            {
                continue;
            }

            var mount = await disk.MountAsync(partition.Number);
            foreach (var directory in BootDirectories.Select(d => Path.Join(mount, d)))
            {
                var entries = Path.Join(directory, "loader", "entries");
                if (Directory.Exists(entries))
                {
                    return CopyOut(directory, Assert.Single(Directory.GetFiles(entries, "*.conf")), work);
                }
            }
        }

        throw new InvalidOperationException($"no loader/entries on any partition of {rawImage}");
    }

    private static BootEntry CopyOut(string bootDirectory, string entryFile, string work)
    {
        var fields = File.ReadAllLines(entryFile)
            .Select(line => line.Split(' ', 2, StringSplitOptions.TrimEntries))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);
        var kernel = Path.Join(work, "boot-vmlinuz");
        var initrd = Path.Join(work, "boot-initramfs.img");
        File.Copy(Resolve(bootDirectory, fields["linux"]), kernel, overwrite: true);
        File.Copy(Resolve(bootDirectory, fields["initrd"]), initrd, overwrite: true);
        return new BootEntry(kernel, initrd, fields["options"]);
    }

    /// <summary>An entry's path is relative to the filesystem holding /boot: the boot directory itself or its parent.</summary>
    private static string Resolve(string bootDirectory, string path)
    {
        var relative = path.TrimStart('/');
        var candidates = new[] { Path.Join(bootDirectory, relative), Path.Join(Path.GetDirectoryName(bootDirectory.TrimEnd('/')), relative) };
        return candidates.FirstOrDefault(File.Exists) ?? throw new FileNotFoundException($"boot entry names {path}, not found under {bootDirectory}");
    }
}
