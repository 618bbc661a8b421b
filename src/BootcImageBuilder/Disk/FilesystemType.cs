namespace BootcImageBuilder.Disk;

/// <summary>The filesystems osbuild can create (one <c>org.osbuild.mkfs.*</c> stage each).</summary>
public enum FilesystemType
{
    Ext4,
    Xfs,
    Btrfs,
    Vfat,
}

public static class FilesystemTypeNames
{
    /// <summary>The name used in fstab, mount units and upstream's YAML (<c>ext4</c>, <c>vfat</c>, …).</summary>
    public static string ToName(this FilesystemType type) => type switch
    {
        FilesystemType.Ext4 => "ext4",
        FilesystemType.Xfs => "xfs",
        FilesystemType.Btrfs => "btrfs",
        FilesystemType.Vfat => "vfat",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static FilesystemType Parse(string name) => name switch
    {
        "ext4" => FilesystemType.Ext4,
        "xfs" => FilesystemType.Xfs,
        "btrfs" => FilesystemType.Btrfs,
        "vfat" => FilesystemType.Vfat,
        _ => throw new BibException($"unknown or unsupported filesystem type name: {name}"),
    };
}
