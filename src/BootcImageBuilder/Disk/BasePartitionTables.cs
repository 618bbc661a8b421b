using BootcImageBuilder.Data.Defs;

namespace BootcImageBuilder.Disk;

/// <summary>
/// The bootc default layouts per architecture, from the embedded <c>data/defs/bootc-generic/imagetypes.yaml</c>
/// (upstream's bootc-generic image types, images v0.251.0): GPT, optional BIOS boot or PReP partition, an ESP where
/// UEFI boots, a 1 GiB /boot and a 2 GiB root that later grows to fill the disk.
/// </summary>
public static class BasePartitionTables
{
    /// <summary>The name of the table under <c>partition_tables</c> that bootc disk images start from.</summary>
    public const string DefaultTableName = "default_bootc_partition_table";

    /// <summary>The base table for <paramref name="arch"/>, its untyped filesystems typed for the rootfs type (/boot stays ext4 under btrfs).</summary>
    /// <exception cref="BibException">No table is defined for <paramref name="arch"/>.</exception>
    public static PartitionTable For(Arch arch, FilesystemType rootfsType)
    {
        ArgumentNullException.ThrowIfNull(arch);
        var tables = EmbeddedDefs.BootcGenericImageTypes.PartitionTables.GetValueOrDefault(DefaultTableName);
        if (tables?.GetValueOrDefault(arch.Name) is not { } table)
        {
            throw new BibException($"no partition table defined for architecture {arch.Name}");
        }

        return PartitionTableYamlMapping.ToPartitionTable(table, rootfsType);
    }
}
