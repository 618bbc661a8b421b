namespace BootcImageBuilder.Disk;

/// <summary>
/// A disk layout. <see cref="Size"/> is the disk image size in bytes (what <c>org.osbuild.truncate</c> writes);
/// <see cref="StartOffset"/> is where the first partition may start at the earliest.
/// </summary>
public sealed record PartitionTable(PartitionTableType Type, ValueList<Partition> Partitions)
{
    public const ulong DefaultSectorSize = 512;

    /// <summary>Partition starts and sizes are rounded to this grain.</summary>
    public const ulong Grain = DataSize.MiB;

    public ulong Size { get; init; }

    /// <summary>The disk GUID (GPT) or disk identifier (DOS).</summary>
    public string? Uuid { get; init; }

    public ulong StartOffset { get; init; }

    /// <summary>Set only when the table asks for a sector size explicitly (a container's disk.yaml).</summary>
    public ulong? SectorSize { get; init; }

    /// <summary>Bytes kept free after the last partition, besides the GPT backup header.</summary>
    public ulong ExtraPadding { get; init; }

    public ulong BytesPerSector => SectorSize ?? DefaultSectorSize;

    public ulong BytesToSectors(ulong bytes) => bytes / BytesPerSector;

    /// <summary>Space before the first partition: the MBR sector and, for GPT, the header with at least 128 entries.</summary>
    public ulong HeaderSize
    {
        get
        {
            var header = BytesPerSector;
            if (Type == PartitionTableType.Dos)
            {
                return header;
            }

            var entries = (ulong)Math.Max(Partitions.Count, 128);
            return header + (entries * 128);
        }
    }

    /// <summary>Space after the last partition: the GPT backup header (nothing for DOS).</summary>
    public ulong FooterSize => Type == PartitionTableType.Gpt ? HeaderSize : 0;

    /// <summary>Every mountpoint in the table, in tree order.</summary>
    public IEnumerable<MountableLocation> Mountables()
    {
        for (var index = 0; index < Partitions.Count; index++)
        {
            switch (Partitions[index].Payload)
            {
                case Filesystem { Mountpoint: { } mountpoint }:
                    yield return new MountableLocation(index, null, mountpoint);
                    break;
                case LvmVolumeGroup vg:
                    for (var lv = 0; lv < vg.LogicalVolumes.Count; lv++)
                    {
                        if (vg.LogicalVolumes[lv].Payload is Filesystem { Mountpoint: { } lvMountpoint })
                        {
                            yield return new MountableLocation(index, lv, lvMountpoint);
                        }
                    }

                    break;
                case BtrfsVolume btrfs:
                    for (var sv = 0; sv < btrfs.Subvolumes.Count; sv++)
                    {
                        if (btrfs.Subvolumes[sv].Mountpoint is { } svMountpoint)
                        {
                            yield return new MountableLocation(index, sv, svMountpoint);
                        }
                    }

                    break;
            }
        }
    }

    public MountableLocation? FindMountable(string mountpoint) =>
        Mountables().FirstOrDefault(m => m.Mountpoint == mountpoint);

    public bool ContainsMountpoint(string mountpoint) => FindMountable(mountpoint) is not null;

    /// <summary>The filesystem mounted at <paramref name="mountpoint"/>, on a partition or a logical volume.</summary>
    public Filesystem? FindFilesystem(string mountpoint) => FindMountable(mountpoint) switch
    {
        { VolumeIndex: null } at => Partitions[at.PartitionIndex].Payload as Filesystem,
        { VolumeIndex: int lv } at when Partitions[at.PartitionIndex].Payload is LvmVolumeGroup vg =>
            vg.LogicalVolumes[lv].Payload as Filesystem,
        _ => null,
    };

    internal static IEnumerable<string> MountpointsOf(PartitionPayload? payload) => payload switch
    {
        Filesystem { Mountpoint: { } mountpoint } => [mountpoint],
        LvmVolumeGroup vg => vg.LogicalVolumes.SelectMany(lv => MountpointsOf(lv.Payload)),
        BtrfsVolume btrfs => btrfs.Subvolumes.Where(sv => sv.Mountpoint is not null).Select(sv => sv.Mountpoint!),
        _ => [],
    };
}

/// <summary>
/// Where a mountpoint lives: a filesystem directly on partition <see cref="PartitionIndex"/>, or the logical
/// volume / btrfs subvolume <see cref="VolumeIndex"/> inside it.
/// </summary>
public sealed record MountableLocation(int PartitionIndex, int? VolumeIndex, string Mountpoint);
