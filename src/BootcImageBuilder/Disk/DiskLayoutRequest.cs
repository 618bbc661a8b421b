namespace BootcImageBuilder.Disk;

/// <summary>
/// A disk customization: the whole layout is built from these partitions instead of the base table.
/// <see cref="Type"/> is <c>gpt</c>, <c>dos</c> or null (the base table's type).
/// </summary>
public sealed record DiskLayoutRequest
{
    public string? Type { get; init; }

    public ulong MinSize { get; init; }

    public ulong StartOffset { get; init; }

    public ValueList<DiskPartitionRequest> Partitions { get; init; }
}

/// <summary>
/// One requested partition. <see cref="Type"/> is <c>plain</c> (or null), <c>lvm</c> or <c>btrfs</c>; which other
/// fields apply depends on it, as in the blueprint's <c>[[customizations.disk.partitions]]</c>.
/// </summary>
public sealed record DiskPartitionRequest
{
    public string? Type { get; init; }

    public ulong MinSize { get; init; }

    /// <summary>A GPT type GUID or a DOS id overriding the one derived from the mountpoint.</summary>
    public string? PartType { get; init; }

    /// <summary>The GPT partition name.</summary>
    public string? PartLabel { get; init; }

    public string? PartUuid { get; init; }

    public string? Mountpoint { get; init; }

    /// <summary>The filesystem label (plain partitions).</summary>
    public string? Label { get; init; }

    /// <summary><c>ext4</c>, <c>xfs</c>, <c>vfat</c>, <c>swap</c> or <c>none</c> (plain partitions).</summary>
    public string? FsType { get; init; }

    /// <summary>The volume group name (lvm partitions).</summary>
    public string? Name { get; init; }

    public ValueList<LogicalVolumeRequest> LogicalVolumes { get; init; }

    public ValueList<BtrfsSubvolumeRequest> Subvolumes { get; init; }
}

/// <summary>A logical volume of an lvm partition; the name is derived from the mountpoint when absent.</summary>
public sealed record LogicalVolumeRequest(string? Name, ulong MinSize, string? Mountpoint, string? Label = null, string? FsType = null);

/// <summary>A subvolume of a btrfs partition.</summary>
public sealed record BtrfsSubvolumeRequest(string Name, string Mountpoint);
