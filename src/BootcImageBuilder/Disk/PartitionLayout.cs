namespace BootcImageBuilder.Disk;

/// <summary>
/// Sizing and placement rules shared by every way of building a table: growing the entity that holds a
/// mountpoint (and everything around it), and laying partitions out on the disk with the root one last.
/// </summary>
internal static class PartitionLayout
{
    private const ulong MinimumFilesystemSize = DataSize.GiB;
    private const ulong MinimumBootSize = 500 * DataSize.MiB;

    /// <summary>Customized mountpoints get at least 1 GiB, /boot at least 500 MiB.</summary>
    public static ulong ClampFilesystemSize(string mountpoint, ulong size) =>
        Math.Max(size, mountpoint == "/boot" ? MinimumBootSize : MinimumFilesystemSize);

    /// <summary>Rounds a requested size up to what every container on the way to the disk needs (LVM extents, the 1 MiB grain).</summary>
    public static ulong Align(PartitionTable table, MountableLocation at, ulong size)
    {
        if (at.VolumeIndex is not null && table.Partitions[at.PartitionIndex].Payload is LvmVolumeGroup)
        {
            size = DataSize.AlignUp(size, LvmVolumeGroup.ExtentSize);
        }

        return DataSize.AlignUp(size, PartitionTable.Grain);
    }

    /// <summary>
    /// Makes the entity at <paramref name="at"/> at least <paramref name="size"/> bytes and grows its volume
    /// group or btrfs volume, its partition and the disk to fit. Stops at the first level that is big enough.
    /// </summary>
    public static PartitionTable Resize(PartitionTable table, MountableLocation at, ulong size)
    {
        var partition = table.Partitions[at.PartitionIndex];
        switch (partition.Payload, at.VolumeIndex)
        {
            case (LvmVolumeGroup vg, int lvIndex):
                var lv = vg.LogicalVolumes[lvIndex];
                if (size <= lv.Size)
                {
                    return table;
                }

                vg = vg with { LogicalVolumes = vg.LogicalVolumes.SetItem(lvIndex, lv with { Size = DataSize.AlignUp(size, LvmVolumeGroup.ExtentSize) }) };
                partition = partition with { Payload = vg };
                size = Math.Max(size, vg.RequiredSize);
                break;
            case (BtrfsVolume btrfs, int svIndex):
                var sv = btrfs.Subvolumes[svIndex];
                if (size <= sv.Size)
                {
                    return table;
                }

                btrfs = btrfs with { Subvolumes = btrfs.Subvolumes.SetItem(svIndex, sv with { Size = size }) };
                partition = partition with { Payload = btrfs };
                size = Math.Max(size, SubvolumesSize(btrfs));
                break;
        }

        var grown = size > partition.Size;
        if (grown)
        {
            partition = partition with { Size = size };
        }

        table = table with { Partitions = table.Partitions.SetItem(at.PartitionIndex, partition) };
        if (!grown)
        {
            return table;
        }

        var partitionsSize = table.Partitions.Aggregate(0UL, (sum, p) => checked(sum + p.Size));
        return table with { Size = Math.Max(table.Size, Math.Max(size, partitionsSize)) };
    }

    /// <summary>
    /// Grows mountpoints so each holds the directories mapped to it: a directory without its own
    /// mountpoint counts towards its nearest mounted parent, and sizes on one mountpoint add up.
    /// </summary>
    public static PartitionTable EnsureDirectorySizes(PartitionTable table, IEnumerable<KeyValuePair<string, ulong>> directorySizes)
    {
        var totals = new List<(MountableLocation At, ulong Size)>();
        foreach (var (directory, size) in directorySizes)
        {
            var at = FindHoldingMountable(table, directory)
                ?? throw new InvalidOperationException($"no mountpoint holds directory \"{directory}\"");
            var existing = totals.FindIndex(t => t.At == at);
            if (existing < 0)
            {
                totals.Add((at, size));
            }
            else
            {
                totals[existing] = (at, checked(totals[existing].Size + size));
            }
        }

        return totals.Aggregate(table, (current, total) => Resize(current, total.At, total.Size));
    }

    /// <summary>
    /// Places partitions from the start of the disk in table order, each rounded to the grain, puts the one
    /// holding "/" last, grows the disk to <paramref name="minimumSize"/> or to what the partitions need, and
    /// grows the root partition to the end of the disk minus the footer.
    /// </summary>
    public static PartitionTable Relayout(PartitionTable table, ulong minimumSize)
    {
        var footer = table.FooterSize;
        var start = DataSize.AlignUp(checked(table.HeaderSize + table.StartOffset), PartitionTable.Grain);
        var size = DataSize.AlignUp(minimumSize, PartitionTable.Grain);

        var partitions = table.Partitions.ToList();
        var rootIndex = partitions.FindIndex(p => p.Holds("/"));
        if (rootIndex < 0)
        {
            throw new InvalidOperationException("no root filesystem found in the partition table");
        }

        for (var index = 0; index < partitions.Count; index++)
        {
            if (index == rootIndex)
            {
                continue;
            }

            var fitted = FitTo(partitions[index], partitions[index].Size);
            partitions[index] = fitted with { Start = start, Size = DataSize.AlignUp(fitted.Size, PartitionTable.Grain) };
            start = checked(start + partitions[index].Size);
        }

        var root = FitTo(partitions[rootIndex], partitions[rootIndex].Size) with { Start = start };
        footer = checked(footer + table.ExtraPadding);
        var end = DataSize.AlignUp(checked(root.Start + footer + root.Size), PartitionTable.Grain);
        var diskSize = Math.Max(table.Size, Math.Max(size, end));
        partitions[rootIndex] = root with { Size = checked(diskSize - root.Start - footer) };

        return table with
        {
            Size = diskSize,
            Partitions = new ValueList<Partition>(partitions.OrderBy(p => p.Start)),
        };
    }

    /// <summary>The partition grown to hold its volume group or btrfs volume, if it carries one.</summary>
    public static Partition FitTo(Partition partition, ulong size) => partition.Payload switch
    {
        LvmVolumeGroup vg => partition with
        {
            Size = Math.Max(size, DataSize.AlignUp(Math.Max(size, vg.RequiredSize), LvmVolumeGroup.ExtentSize)),
        },
        BtrfsVolume btrfs => partition with { Size = Math.Max(size, SubvolumesSize(btrfs)) },
        _ => partition with { Size = size },
    };

    private static ulong SubvolumesSize(BtrfsVolume btrfs) => btrfs.Subvolumes.Aggregate(0UL, (sum, sv) => checked(sum + sv.Size));

    private static MountableLocation? FindHoldingMountable(PartitionTable table, string directory)
    {
        while (true)
        {
            if (table.FindMountable(directory) is { } at)
            {
                return at;
            }

            var parent = Path.GetDirectoryName(directory);
            if (parent is null || parent == directory)
            {
                return null;
            }

            directory = parent;
        }
    }
}
