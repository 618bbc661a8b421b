using BootcImageBuilder.Distro.Defs;
using YamlDotNet.RepresentationModel;

namespace BootcImageBuilder.Disk;

/// <summary>
/// The bootc default layouts per architecture, from the <c>partition_tables</c> of the embedded
/// <c>data/defs/bootc-generic/imagetypes.yaml</c> (upstream's bootc-generic image types, images v0.251.0): GPT,
/// optional BIOS boot or PReP partition, an ESP where UEFI boots, a 1 GiB /boot and a 2 GiB root that later grows
/// to fill the disk. Read with <see cref="DiskYaml"/>, the reader of a container's disk.yaml.
/// </summary>
public static class BasePartitionTables
{
    /// <summary>The name of the table under <c>partition_tables</c> that bootc disk images start from.</summary>
    public const string DefaultTableName = "default_bootc_partition_table";

    private static readonly Lazy<YamlNode> EmbeddedTables = new(() => TablesOf(EmbeddedDefs.ReadText(EmbeddedDefs.BootcGenericImageTypesResource)));

    /// <summary>The base table for <paramref name="arch"/>, its untyped filesystems typed for the rootfs type (/boot stays ext4 under btrfs).</summary>
    /// <exception cref="BibException">No table is defined for <paramref name="arch"/>.</exception>
    public static PartitionTable For(Arch arch, FilesystemType rootfsType) => Read(EmbeddedTables.Value, DefaultTableName, arch, rootfsType);

    /// <summary>Table <paramref name="tableName"/> for <paramref name="arch"/> of the <c>imagetypes.yaml</c> text <paramref name="imageTypesText"/>.</summary>
    /// <exception cref="BibException">No such table, or it is not of the partition-table schema.</exception>
    public static PartitionTable Read(string imageTypesText, string tableName, Arch arch, FilesystemType rootfsType) =>
        Read(TablesOf(imageTypesText), tableName, arch, rootfsType);

    private static PartitionTable Read(YamlNode tables, string tableName, Arch arch, FilesystemType rootfsType)
    {
        ArgumentNullException.ThrowIfNull(arch);
        if (Child(Child(tables, tableName), arch.Name) is not { } table)
        {
            throw new BibException($"no partition table defined for architecture {arch.Name}");
        }

        return DiskYaml.ReadPartitionTable(table, mountpoint => TypeOfUntyped(mountpoint, rootfsType));
    }

    // As osbuild/images: the root filesystem type, except that /boot gets ext4 when that is btrfs (GRUB cannot boot
    // from the btrfs layout bootc uses).
    private static FilesystemType TypeOfUntyped(string? mountpoint, FilesystemType rootfsType) =>
        mountpoint == "/boot" && rootfsType == FilesystemType.Btrfs ? FilesystemType.Ext4 : rootfsType;

    private static YamlNode TablesOf(string imageTypesText)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(imageTypesText));
        return Child(stream.Documents.FirstOrDefault()?.RootNode, "partition_tables") ?? new YamlMappingNode();
    }

    private static YamlNode? Child(YamlNode? node, string key) =>
        node is YamlMappingNode map && map.Children.TryGetValue(key, out var child) ? child : null;
}
