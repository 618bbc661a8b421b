using BootcImageBuilder.Data.Defs;

namespace BootcImageBuilder.Disk;

/// <summary>
/// Turns an image-definition partition table (<see cref="PartitionTableYaml"/>) into a <see cref="PartitionTable"/>.
/// A filesystem without a type gets the root filesystem type, except that /boot gets ext4 when that is btrfs (as
/// osbuild/images does: GRUB cannot boot from the btrfs layout bootc uses).
/// </summary>
public static class PartitionTableYamlMapping
{
    public static PartitionTable ToPartitionTable(PartitionTableYaml table, FilesystemType rootfsType)
    {
        ArgumentNullException.ThrowIfNull(table);
        var type = table.Type is { } name ? PartitionTableTypeNames.Parse(name) : PartitionTableType.Gpt;
        return new PartitionTable(type, [.. table.Partitions.Select(p => ToPartition(p, rootfsType))])
        {
            Size = SizeOf(table.Size),
        };
    }

    private static Partition ToPartition(PartitionYaml partition, FilesystemType rootfsType) => new()
    {
        Size = SizeOf(partition.Size),
        Type = partition.Type,
        Bootable = partition.Bootable,
        Label = partition.Label,
        Payload = partition.PayloadType switch
        {
            null or "" when partition.Payload is null => null,
            "filesystem" => ToFilesystem(partition.Payload ?? new FilesystemYaml(), rootfsType),
            var other => throw new BibException($"unknown or unsupported payload type \"{other}\""),
        },
    };

    private static Filesystem ToFilesystem(FilesystemYaml filesystem, FilesystemType rootfsType) =>
        new(TypeOf(filesystem, rootfsType), filesystem.Mountpoint)
        {
            Label = filesystem.Label,
            FstabOptions = filesystem.FstabOptions ?? string.Empty,
            FstabFreq = filesystem.FstabFreq,
            FstabPassNo = filesystem.FstabPassno,
        };

    private static FilesystemType TypeOf(FilesystemYaml filesystem, FilesystemType rootfsType) => filesystem switch
    {
        { Type: { } name } => FilesystemTypeNames.Parse(name),
        { Mountpoint: "/boot" } when rootfsType == FilesystemType.Btrfs => FilesystemType.Ext4,
        _ => rootfsType,
    };

    private static ulong SizeOf(string? size) => size is null ? 0 : DataSize.Parse(size);
}
