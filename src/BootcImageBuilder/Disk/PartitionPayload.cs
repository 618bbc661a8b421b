namespace BootcImageBuilder.Disk;

/// <summary>What a partition (or a logical volume) holds: a filesystem, swap, a volume group, a btrfs volume or raw data.</summary>
public abstract record PartitionPayload;
