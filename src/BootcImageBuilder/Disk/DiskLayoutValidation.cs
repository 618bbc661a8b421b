using System.Text.RegularExpressions;

namespace BootcImageBuilder.Disk;

/// <summary>The checks upstream's blueprint runs on a disk customization, with its messages.</summary>
internal static partial class DiskLayoutValidation
{
    private static readonly string[] ValidPlainFilesystemTypes = ["ext4", "vfat", "xfs"];
    private static readonly string[] PlainOnlyMountpointsForLvm = ["/boot", "/boot/efi"];
    private static readonly string[] PlainOnlyMountpointsForBtrfs = ["/boot/efi"];

    /// <summary>Refuses layouts the image builder cannot produce yet (mixing or repeating LVM and btrfs).</summary>
    public static string? LayoutConstraintError(DiskLayoutRequest disk)
    {
        int btrfsVolumes = 0, volumeGroups = 0;
        foreach (var part in disk.Partitions)
        {
            switch (part.Type)
            {
                case "lvm":
                    volumeGroups++;
                    break;
                case "btrfs":
                    btrfsVolumes++;
                    break;
            }

            if (volumeGroups > 0 && btrfsVolumes > 0)
            {
                return "btrfs and lvm partitioning cannot be combined";
            }
        }

        return btrfsVolumes > 1 ? "multiple btrfs volumes are not yet supported"
            : volumeGroups > 1 ? "multiple LVM volume groups are not yet supported"
            : null;
    }

    public static string? Error(DiskLayoutRequest disk)
    {
        var tableType = disk.Type ?? string.Empty;
        switch (tableType)
        {
            case "gpt" or "":
                break;
            case "dos":
                if (disk.Partitions.Count > 4)
                {
                    return $"invalid partitioning customizations: \"dos\" partition table type only supports up to 4 partitions: got {disk.Partitions.Count}";
                }

                break;
            default:
                return $"unknown partition table type: {tableType} (valid: gpt, dos)";
        }

        var mountpoints = new HashSet<string>(StringComparer.Ordinal);
        var volumeGroupNames = new HashSet<string>(StringComparer.Ordinal);
        var errors = new List<string?>();
        foreach (var part in disk.Partitions)
        {
            errors.Add(PartitionTypeIdError(part, tableType));
            errors.Add(PartitionUuidError(part, tableType));
            errors.Add(PartitionLabelError(part, tableType));
            errors.Add(part.Type switch
            {
                null or "" or "plain" => PlainError(part, mountpoints),
                "lvm" => LvmError(part, mountpoints, volumeGroupNames),
                "btrfs" => BtrfsError(part, mountpoints),
                _ => $"unknown partition type: {part.Type}",
            });
        }

        var messages = errors.OfType<string>().ToList();
        return messages.Count == 0 ? null : "invalid partitioning customizations:\n" + string.Join('\n', messages);
    }

    public static string? PartitionTypeIdError(DiskPartitionRequest part, string tableType)
    {
        if (string.IsNullOrEmpty(part.PartType))
        {
            return null;
        }

        var uuidError = GoUuid.ParseError(part.PartType);
        var validDosType = DosTypePattern().IsMatch(part.PartType);
        return tableType switch
        {
            "gpt" when uuidError is not null =>
                $"invalid partition part_type {PosixPath.Quote(part.PartType)} for partition table type \"gpt\" (must be a valid UUID): {uuidError}",
            "dos" when !validDosType =>
                $"invalid partition part_type {PosixPath.Quote(part.PartType)} for partition table type \"dos\" (must be a 2-digit hex number)",
            "" when uuidError is not null && !validDosType =>
                $"invalid part_type {PosixPath.Quote(part.PartType)}: must be a valid UUID for GPT partition tables or a 2-digit hex number for DOS partition tables",
            _ => null,
        };
    }

    public static string? PartitionUuidError(DiskPartitionRequest part, string tableType)
    {
        if (string.IsNullOrEmpty(part.PartUuid))
        {
            return null;
        }

        if (tableType == "dos")
        {
            // Upstream names the wrong field in this message; kept for identical output.
            return "part_type is not supported for dos partition tables";
        }

        return GoUuid.ParseError(part.PartUuid) is { } error
            ? $"invalid partition part_uuid {PosixPath.Quote(part.PartUuid)} (must be a valid UUID): {error}"
            : null;
    }

    public static string? PartitionLabelError(DiskPartitionRequest part, string tableType)
    {
        if (string.IsNullOrEmpty(part.PartLabel))
        {
            return null;
        }

        if (tableType == "dos")
        {
            return "part_label is not supported for dos partition tables";
        }

        // GPT names hold 36 UTF-16 code units; C# strings are UTF-16 already.
        return part.PartLabel.Length > 36 ? "part_label is not a valid GPT label, it is too long" : null;
    }

    private static string? MountpointError(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return "mountpoint is empty";
        }

        if (VolumeNameRules.MountpointTextError(path) is { } text)
        {
            return text;
        }

        if (path[0] != '/')
        {
            return $"mountpoint {PosixPath.Quote(path)} is not an absolute path";
        }

        var clean = PosixPath.Clean(path);
        return path != clean
            ? $"mountpoint {PosixPath.Quote(path)} is not a canonical path (did you mean {PosixPath.Quote(clean)}?)"
            : null;
    }

    private static string? PlainError(DiskPartitionRequest part, HashSet<string> mountpoints)
    {
        if (part.FsType is "none" or "swap")
        {
            return string.IsNullOrEmpty(part.Mountpoint)
                ? null
                : $"mountpoint for {part.FsType} partition must be empty (got {PosixPath.Quote(part.Mountpoint)})";
        }

        if (MountpointError(part.Mountpoint) is { } error)
        {
            return error;
        }

        var mountpoint = part.Mountpoint!;
        if (mountpoints.Contains(mountpoint))
        {
            return $"duplicate mountpoint {PosixPath.Quote(mountpoint)} in partitioning customizations";
        }

        if (!ValidPlainFilesystemTypes.Contains(part.FsType))
        {
            return $"unknown or invalid filesystem type (fs_type) for mountpoint {PosixPath.Quote(mountpoint)}: {part.FsType}";
        }

        var allowed = mountpoint switch
        {
            "/boot" => part.FsType is "xfs" or "ext4",
            "/boot/efi" => part.FsType is "vfat",
            _ => true,
        };
        if (!allowed)
        {
            return $"unsupported filesystem type for {PosixPath.Quote(mountpoint)}: {part.FsType}";
        }

        mountpoints.Add(mountpoint);
        return null;
    }

    private static string? LvmError(DiskPartitionRequest part, HashSet<string> mountpoints, HashSet<string> volumeGroupNames)
    {
        var vgName = part.Name ?? string.Empty;
        if (vgName.Length > 0 && VolumeNameRules.LvmNameError(vgName, "LVM volume group") is { } badVg)
        {
            return badVg;
        }

        if (vgName.Length > 0 && volumeGroupNames.Contains(vgName))
        {
            return $"duplicate LVM volume group name {PosixPath.Quote(vgName)} in partitioning customizations";
        }

        if (part.Subvolumes.Count > 0)
        {
            return "subvolumes defined for LVM volume group (partition type \"lvm\")";
        }

        if (!string.IsNullOrEmpty(part.Label))
        {
            return $"label {PosixPath.Quote(part.Label)} defined for LVM volume group (partition type \"lvm\")";
        }

        volumeGroupNames.Add(vgName);
        var lvNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var lv in part.LogicalVolumes)
        {
            var lvName = lv.Name ?? string.Empty;
            if (lvName.Length > 0 && VolumeNameRules.LvmNameError(lvName, "LVM logical volume") is { } badLv)
            {
                return badLv;
            }

            if (lvName.Length > 0 && lvNames.Contains(lvName))
            {
                return $"duplicate LVM logical volume name {PosixPath.Quote(lvName)} in volume group {PosixPath.Quote(vgName)} in partitioning customizations";
            }

            lvNames.Add(lvName);
            if (lv.FsType == "swap")
            {
                // Upstream stops checking the remaining volumes after a swap volume; kept for identical results.
                return string.IsNullOrEmpty(lv.Mountpoint)
                    ? null
                    : $"mountpoint for swap logical volume with name {PosixPath.Quote(lvName)} in volume group {PosixPath.Quote(vgName)} must be empty";
            }

            if (MountpointError(lv.Mountpoint) is { } error)
            {
                return $"invalid logical volume customization: {error}";
            }

            var mountpoint = lv.Mountpoint!;
            if (!mountpoints.Add(mountpoint))
            {
                return $"duplicate mountpoint {PosixPath.Quote(mountpoint)} in partitioning customizations";
            }

            if (PlainOnlyMountpointsForLvm.Contains(mountpoint))
            {
                return $"invalid mountpoint {PosixPath.Quote(mountpoint)} for logical volume";
            }

            if (!ValidPlainFilesystemTypes.Contains(lv.FsType))
            {
                return $"unknown or invalid filesystem type (fs_type) for logical volume with mountpoint {PosixPath.Quote(mountpoint)}: {lv.FsType}";
            }
        }

        return null;
    }

    private static string? BtrfsError(DiskPartitionRequest part, HashSet<string> mountpoints)
    {
        if (!string.IsNullOrEmpty(part.Mountpoint))
        {
            return "\"mountpoint\" is not supported for btrfs volumes (only subvolumes can have mountpoints)";
        }

        if (part.Subvolumes.Count == 0)
        {
            return "btrfs volume requires subvolumes";
        }

        if (part.LogicalVolumes.Count > 0)
        {
            return "LVM logical volumes defined for btrfs volume (partition type \"btrfs\")";
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var subvolume in part.Subvolumes)
        {
            if (string.IsNullOrEmpty(subvolume.Name))
            {
                return "btrfs subvolume with empty name in partitioning customizations";
            }

            if (VolumeNameRules.BtrfsSubvolumeNameError(subvolume.Name) is { } badName)
            {
                return badName;
            }

            if (!names.Add(subvolume.Name))
            {
                return $"duplicate btrfs subvolume name {PosixPath.Quote(subvolume.Name)} in partitioning customizations";
            }

            if (MountpointError(subvolume.Mountpoint) is { } error)
            {
                return $"invalid btrfs subvolume customization: {error}";
            }

            if (mountpoints.Contains(subvolume.Mountpoint))
            {
                return $"duplicate mountpoint {PosixPath.Quote(subvolume.Mountpoint)} in partitioning customizations";
            }

            if (PlainOnlyMountpointsForBtrfs.Contains(subvolume.Mountpoint))
            {
                return $"invalid mountpoint {PosixPath.Quote(subvolume.Mountpoint)} for btrfs subvolume";
            }

            mountpoints.Add(subvolume.Mountpoint);
        }

        return null;
    }

    [GeneratedRegex(@"^[0-9a-fA-F]{2}\z")]
    private static partial Regex DosTypePattern();
}
