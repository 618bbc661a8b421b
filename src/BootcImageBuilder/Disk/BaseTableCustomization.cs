using BootcImageBuilder.Randomness;

namespace BootcImageBuilder.Disk;

/// <summary>
/// Adapts a base table to filesystem customizations: existing mountpoints grow, new ones become new
/// partitions (or subvolumes / logical volumes where the root lives), a btrfs rootfs turns the root partition
/// into a btrfs volume, then the table is laid out and given UUIDs.
/// </summary>
internal static class BaseTableCustomization
{
    private const ulong DefaultBootSize = DataSize.GiB;

    private static readonly KeyValuePair<string, ulong>[] DefaultDirectorySizes =
        [new("/", DataSize.GiB), new("/usr", 2 * DataSize.GiB)];

    public static PartitionTable Apply(
        PartitionTable baseTable,
        IReadOnlyList<FilesystemRequest> filesystems,
        ulong imageSize,
        Arch arch,
        FilesystemType defaultFs,
        IRandomSource random)
    {
        var btrfsMode = defaultFs == FilesystemType.Btrfs;
        if (baseTable.Partitions.Any(p => p.Payload is LvmVolumeGroup))
        {
            var mode = btrfsMode ? "btrfs" : "raw";
            throw new BibException($"{mode} partitioning mode set for a base partition table with LVM, this is unsupported");
        }

        var (table, missing) = ResizeExisting(baseTable, filesystems);
        if (btrfsMode)
        {
            table = EnsureBtrfsRoot(table, arch);
        }

        foreach (var filesystem in missing)
        {
            table = Create(table, filesystem, defaultFs);
        }

        table = PartitionLayout.EnsureDirectorySizes(table, DefaultDirectorySizes);
        table = PartitionLayout.Relayout(table, imageSize);
        return UuidAssignment.Assign(table, random);
    }

    private static (PartitionTable Table, List<FilesystemRequest> Missing) ResizeExisting(
        PartitionTable table, IReadOnlyList<FilesystemRequest> filesystems)
    {
        var missing = new List<FilesystemRequest>();
        foreach (var filesystem in filesystems)
        {
            if (table.FindMountable(filesystem.Mountpoint) is { } at)
            {
                table = GrowTo(table, at, filesystem);
            }
            else
            {
                missing.Add(filesystem);
            }
        }

        return (table, missing);
    }

    private static PartitionTable GrowTo(PartitionTable table, MountableLocation at, FilesystemRequest filesystem)
    {
        var size = PartitionLayout.ClampFilesystemSize(filesystem.Mountpoint, filesystem.MinSize);
        return PartitionLayout.Resize(table, at, PartitionLayout.Align(table, at, size));
    }

    /// <summary>Adds the filesystem in the container that holds the root: the disk itself, the root's volume group or its btrfs volume.</summary>
    private static PartitionTable Create(PartitionTable table, FilesystemRequest filesystem, FilesystemType defaultFs)
    {
        var root = table.FindMountable("/") ?? throw new InvalidOperationException("no root mountpoint for the partition table");
        var rootPartition = table.Partitions[root.PartitionIndex];
        MountableLocation at;
        switch (rootPartition.Payload)
        {
            case BtrfsVolume btrfs when root.VolumeIndex is not null:
                if (defaultFs != FilesystemType.Btrfs)
                {
                    throw new BibException($"failed creating volume: only btrfs mountpoints are supported with btrfs subvolumes not \"{defaultFs.ToName()}\"");
                }

                var subvolume = new BtrfsSubvolume(filesystem.Mountpoint == "/" ? "root" : filesystem.Mountpoint, filesystem.Mountpoint)
                {
                    Compress = BtrfsVolume.DefaultCompression,
                };
                table = ReplacePartition(table, root.PartitionIndex, rootPartition with { Payload = btrfs with { Subvolumes = btrfs.Subvolumes.Add(subvolume) } });
                at = new MountableLocation(root.PartitionIndex, btrfs.Subvolumes.Count, filesystem.Mountpoint);
                break;
            case LvmVolumeGroup vg when root.VolumeIndex is not null:
                if (defaultFs == FilesystemType.Btrfs)
                {
                    throw new BibException("failed creating volume: btrfs under lvm is not supported");
                }

                var volume = new LogicalVolume(
                    LogicalVolumeNames.Unique(vg, LogicalVolumeNames.ForMountpoint(filesystem.Mountpoint)),
                    0,
                    new Filesystem(defaultFs, filesystem.Mountpoint));
                table = ReplacePartition(table, root.PartitionIndex, rootPartition with { Payload = vg with { LogicalVolumes = vg.LogicalVolumes.Add(volume) } });
                at = new MountableLocation(root.PartitionIndex, vg.LogicalVolumes.Count, filesystem.Mountpoint);
                break;
            default:
                table = AppendPartition(table, filesystem.Mountpoint, defaultFs, 0);
                at = new MountableLocation(table.Partitions.Count - 1, null, filesystem.Mountpoint);
                break;
        }

        return GrowTo(table, at, filesystem);
    }

    private static PartitionTable AppendPartition(PartitionTable table, string mountpoint, FilesystemType type, ulong size)
    {
        var maximum = table.Type == PartitionTableType.Gpt ? 128 : 4;
        if (table.Partitions.Count == maximum)
        {
            throw new BibException($"failed creating volume: maximum number of partitions reached ({maximum})");
        }

        // Upstream leaves the type empty on DOS tables (sfdisk then defaults to Linux).
        var partitionType = table.Type == PartitionTableType.Dos ? null
            : mountpoint == "/boot" ? PartitionTypes.XbootldrGuid
            : PartitionTypes.LinuxDataGuid;
        var partition = new Partition { Size = size, Type = partitionType, Payload = new Filesystem(type, mountpoint) };
        return table with { Partitions = table.Partitions.Add(partition) };
    }

    /// <summary>Moves a plain root filesystem into a btrfs volume with one <c>root</c> subvolume; adds /boot first if missing.</summary>
    private static PartitionTable EnsureBtrfsRoot(PartitionTable table, Arch arch)
    {
        if (!table.ContainsMountpoint("/"))
        {
            throw new BibException("no root mountpoint for a partition table");
        }

        if (!table.ContainsMountpoint("/boot"))
        {
            table = AppendPartition(table, "/boot", FilesystemType.Btrfs, DefaultBootSize);
        }

        var root = table.FindMountable("/")!;
        var partition = table.Partitions[root.PartitionIndex];
        if (partition.Payload is not Filesystem rootFs)
        {
            return table;
        }

        var volume = new BtrfsVolume([new BtrfsSubvolume("root", "/")
        {
            Compress = BtrfsVolume.DefaultCompression,
            ReadOnly = rootFs.IsReadOnly,
            Size = partition.Size,
        }])
        {
            Label = "root",
        };
        return ReplacePartition(table, root.PartitionIndex, partition with
        {
            Payload = volume,
            Size = 0,
            Type = PartitionTypes.For(table.Type, PartitionRole.Root, arch),
        });
    }

    private static PartitionTable ReplacePartition(PartitionTable table, int index, Partition partition) =>
        table with { Partitions = table.Partitions.SetItem(index, partition) };
}
