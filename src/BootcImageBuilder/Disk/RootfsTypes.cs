namespace BootcImageBuilder.Disk;

/// <summary>The filesystems a bootc root can be made of: ext4, xfs and btrfs.</summary>
public static class RootfsTypes
{
    /// <summary>Parses a <c>--rootfs</c> value or a container's default, with upstream's message for anything else.</summary>
    public static FilesystemType Parse(string name) => name switch
    {
        "ext4" => FilesystemType.Ext4,
        "xfs" => FilesystemType.Xfs,
        "btrfs" => FilesystemType.Btrfs,
        _ => throw new BibException($"failed to set default rootfs for bootc distro: unknown or unsupported filesystem type name: {name}"),
    };
}
