namespace BootcImageBuilder.Disk;

/// <summary>
/// A container's <c>usr/lib/bootc-image-builder/disk.yaml</c> (or <c>usr/lib/image-builder/bootc/disk.yaml</c>):
/// how filesystems are mounted and/or a partition table that replaces the built-in one.
/// </summary>
public sealed record DiskYamlDocument(MountConfiguration? MountConfiguration, PartitionTable? PartitionTable);
