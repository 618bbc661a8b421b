namespace BootcImageBuilder.Disk;

/// <summary>A btrfs filesystem filling its partition; only its subvolumes are mounted.</summary>
public sealed record BtrfsVolume(ValueList<BtrfsSubvolume> Subvolumes) : PartitionPayload
{
    public const string DefaultCompression = "zstd:1";

    public string? Uuid { get; init; }

    public string? Label { get; init; }
}

/// <summary>A btrfs subvolume. <see cref="Size"/> only steers the size of the volume; btrfs does not enforce it.</summary>
public sealed record BtrfsSubvolume(string Name, string? Mountpoint)
{
    public ulong Size { get; init; }

    public string? Compress { get; init; }

    public bool ReadOnly { get; init; }

    /// <summary>Mount options as fstab and mount units write them, e.g. <c>subvol=root,compress=zstd:1,ro</c>.</summary>
    public string FstabOptions =>
        $"subvol={Name}" + (Compress is null ? string.Empty : $",compress={Compress}") + (ReadOnly ? ",ro" : string.Empty);
}
