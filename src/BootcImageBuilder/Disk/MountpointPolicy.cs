namespace BootcImageBuilder.Disk;

/// <summary>
/// Which filesystem customizations a bootc disk accepts: / and /boot (to size them) and new filesystems
/// under /var except /var itself and a few directories that are symlinks or belong to the OS. With a btrfs
/// root only / and /boot.
/// </summary>
public static class MountpointPolicy
{
    private static readonly string[] DeniedUnderVar =
        ["/var/home", "/var/lock", "/var/mail", "/var/mnt", "/var/roothome", "/var/run", "/var/srv", "/var/usrlocal"];

    /// <summary>Throws one error listing every refused mountpoint.</summary>
    public static void Check(IEnumerable<FilesystemRequest> filesystems, FilesystemType rootfsType)
    {
        ArgumentNullException.ThrowIfNull(filesystems);
        var errors = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var fs in filesystems)
        {
            if (Refusal(fs.Mountpoint, minimal: rootfsType == FilesystemType.Btrfs) is { } error)
            {
                errors.Add(error);
            }

            // Upstream lets a repeated mountpoint through to a manifest osbuild refuses (two mounts of one name).
            if (!seen.Add(fs.Mountpoint))
            {
                errors.Add($"path {PosixPath.Quote(fs.Mountpoint)} is given more than once");
            }

            if (fs.Mountpoint == "/var")
            {
                errors.Add("path \"/var\" is not allowed");
            }
        }

        if (errors.Count > 0)
        {
            throw new BibException(
                "the following errors occurred while validating custom mountpoints:\n" + string.Join('\n', errors));
        }
    }

    private static string? Refusal(string mountpoint, bool minimal)
    {
        var quoted = PosixPath.Quote(mountpoint);
        if (mountpoint.Length == 0 || mountpoint[0] != '/')
        {
            return $"path {quoted} must be absolute";
        }

        if (VolumeNameRules.MountpointTextError(mountpoint) is not null)
        {
            return $"path {quoted} must not contain whitespace, control characters or backslashes";
        }

        if (mountpoint != PosixPath.Clean(mountpoint))
        {
            return $"path {quoted} must be canonical";
        }

        if (mountpoint is "/" or "/boot")
        {
            return null;
        }

        var underVar = mountpoint.StartsWith("/var/", StringComparison.Ordinal) || mountpoint == "/var";
        if (minimal || !underVar || DeniedUnderVar.Any(denied => IsSameOrBelow(mountpoint, denied)))
        {
            return $"path {quoted} is not allowed";
        }

        return null;
    }

    private static bool IsSameOrBelow(string path, string directory) =>
        path == directory || path.StartsWith(directory + "/", StringComparison.Ordinal);
}
