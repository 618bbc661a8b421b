namespace BootcImageBuilder.Disk;

/// <summary>An LVM volume group filling its partition. Logical volumes are 4 MiB aligned and the group keeps 1 MiB of metadata.</summary>
public sealed record LvmVolumeGroup(string Name, ValueList<LogicalVolume> LogicalVolumes) : PartitionPayload
{
    public const ulong ExtentSize = 4 * DataSize.MiB;
    public const ulong MetadataSize = DataSize.MiB;
    public const string DefaultDescription = "created via lvm2 and osbuild";

    public string Description { get; init; } = DefaultDescription;

    /// <summary>The space the volumes need: their sizes plus the metadata.</summary>
    public ulong RequiredSize => LogicalVolumes.Aggregate(MetadataSize, (sum, lv) => checked(sum + lv.Size));
}

/// <summary>A logical volume of <see cref="Size"/> bytes holding a filesystem or swap.</summary>
public sealed record LogicalVolume(string Name, ulong Size, PartitionPayload? Payload);
