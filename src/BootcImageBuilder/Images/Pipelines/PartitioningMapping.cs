using BootcImageBuilder.Blueprint;
using BootcImageBuilder.Disk;
using static BootcImageBuilder.EmptyValues;
using BlueprintTableType = BootcImageBuilder.Blueprint.PartitionTableType;

namespace BootcImageBuilder.Images.Pipelines;

/// <summary>Turns blueprint filesystem and disk customizations into the requests of <see cref="BootcPartitionTables"/>.</summary>
public static class PartitioningMapping
{
    /// <summary>
    /// The partitioning request for <paramref name="spec"/>: the user's filesystem or disk customizations, else the
    /// container's embedded ones; the container's disk.yaml table as base table when it has one.
    /// </summary>
    public static BootcPartitioningRequest ToPartitioningRequest(
        BootcInstallSpec spec, FilesystemType rootfsType, PartitionTable? baseTable)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var (filesystems, disk) = Select(spec.Customizations, spec.EmbeddedCustomizations);
        return new BootcPartitioningRequest(spec.Source.Arch, rootfsType, spec.Source.Size)
        {
            ImageSize = spec.MinimumImageSize,
            BaseTable = baseTable,
            Filesystems = filesystems?.Select(ToRequest).ToList(),
            Disk = disk is null ? null : ToRequest(disk),
        };
    }

    private static (IReadOnlyList<FilesystemCustomization>? Filesystems, DiskCustomization? Disk) Select(
        Customizations? user, Customizations? embedded)
    {
        var filesystems = NullIfEmpty(user?.Filesystem);
        var disk = user?.Disk;
        if (filesystems is null && disk is null && embedded is not null)
        {
            filesystems = NullIfEmpty(embedded.Filesystem);
            disk = embedded.Disk;
        }

        return (filesystems, disk);
    }

    public static FilesystemRequest ToRequest(FilesystemCustomization filesystem)
    {
        ArgumentNullException.ThrowIfNull(filesystem);
        return new FilesystemRequest(filesystem.Mountpoint, filesystem.MinSize);
    }

    public static DiskLayoutRequest ToRequest(DiskCustomization disk)
    {
        ArgumentNullException.ThrowIfNull(disk);
        return new DiskLayoutRequest
        {
            Type = disk.Type switch
            {
                BlueprintTableType.Gpt => "gpt",
                BlueprintTableType.Dos => "dos",
                _ => null,
            },
            MinSize = disk.MinSize ?? 0,
            StartOffset = disk.StartOffset ?? 0,
            Partitions = new ValueList<DiskPartitionRequest>(disk.Partitions.Select(ToRequest)),
        };
    }

    private static DiskPartitionRequest ToRequest(PartitionCustomization partition) => new()
    {
        Type = partition.Type switch
        {
            PartitionKind.Lvm => "lvm",
            PartitionKind.Btrfs => "btrfs",
            _ => "plain",
        },
        MinSize = partition.MinSize,
        PartType = partition.PartType,
        PartLabel = partition.PartLabel,
        PartUuid = partition.PartUuid,
        Mountpoint = partition.Mountpoint,
        Label = partition.Label,
        FsType = partition.FsType,
        Name = partition.Name,
        LogicalVolumes = new ValueList<LogicalVolumeRequest>((partition.LogicalVolumes ?? []).Select(lv =>
            new LogicalVolumeRequest(lv.Name, lv.MinSize, lv.Mountpoint, lv.Label, lv.FsType))),
        Subvolumes = new ValueList<BtrfsSubvolumeRequest>((partition.Subvolumes ?? []).Select(sv =>
            new BtrfsSubvolumeRequest(sv.Name ?? string.Empty, sv.Mountpoint ?? string.Empty))),
    };
}
