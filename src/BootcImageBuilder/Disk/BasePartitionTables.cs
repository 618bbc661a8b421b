namespace BootcImageBuilder.Disk;

/// <summary>
/// The bootc default layouts per architecture (upstream's bootc-generic image types, images v0.251.0):
/// GPT, optional BIOS boot or PReP partition, an ESP where UEFI boots, a 1 GiB /boot and a 2 GiB root that
/// later grows to fill the disk. /boot is Linux data (not XBOOTLDR) in this generation of upstream.
/// </summary>
public static class BasePartitionTables
{
    /// <summary>The base table for <paramref name="arch"/>, its filesystems typed for the rootfs type (/boot stays ext4 under btrfs).</summary>
    public static PartitionTable For(Arch arch, FilesystemType rootfsType)
    {
        ArgumentNullException.ThrowIfNull(arch);
        var bootType = rootfsType == FilesystemType.Btrfs ? FilesystemType.Ext4 : rootfsType;
        ValueList<Partition> partitions = arch.Name switch
        {
            "x86_64" => [BiosBoot, EfiSystem, Boot(bootType), Root(rootfsType)],
            "aarch64" or "riscv64" => [EfiSystem, Boot(bootType), Root(rootfsType)],
            "ppc64le" => [Prep, Boot(bootType), Root(rootfsType)],
            "s390x" => [Boot(bootType), Root(rootfsType)],
            _ => throw new BibException($"no partition table defined for architecture {arch.Name}"),
        };
        return new PartitionTable(PartitionTableType.Gpt, partitions);
    }

    private static Partition BiosBoot => new() { Size = DataSize.MiB, Bootable = true, Type = PartitionTypes.BiosBootGuid };

    private static Partition Prep => new() { Size = 4 * DataSize.MiB, Bootable = true, Type = PartitionTypes.PrepGuid };

    private static Partition EfiSystem => new()
    {
        Size = 501 * DataSize.MiB,
        Type = PartitionTypes.EfiSystemGuid,
        Payload = new Filesystem(FilesystemType.Vfat, "/boot/efi")
        {
            Label = "EFI-SYSTEM",
            FstabOptions = "umask=0077,shortname=winnt",
            FstabPassNo = 2,
        },
    };

    private static Partition Boot(FilesystemType type) => new()
    {
        Size = DataSize.GiB,
        Type = PartitionTypes.LinuxDataGuid,
        Payload = new Filesystem(type, "/boot") { Label = "boot", FstabOptions = "ro" },
    };

    private static Partition Root(FilesystemType type) => new()
    {
        Size = 2 * DataSize.GiB,
        Type = PartitionTypes.LinuxDataGuid,
        Payload = new Filesystem(type, "/") { Label = "root", FstabOptions = "ro" },
    };
}
