using System.Text.RegularExpressions;

namespace BootcImageBuilder.Building;

/// <summary>The mounts of this process, from <c>/proc/self/mountinfo</c>.</summary>
public static class MountTable
{
    public const string DefaultPath = "/proc/self/mountinfo";

    /// <summary>The options of the last mount on <paramref name="mountPoint"/> (the one in effect), or null when none.</summary>
    public static IReadOnlyList<string>? OptionsOf(string mountPoint, string mountInfoPath = DefaultPath) =>
        Read(mountInfoPath)?.LastOrDefault(mount => mount.MountPoint == mountPoint)?.Options;

    /// <summary>
    /// The mount in effect at <paramref name="path"/> (an absolute, normalized path): its mount point and the path of
    /// its root inside the mounted filesystem (mountinfo's fourth field), or null without a mount table.
    /// </summary>
    public static (string MountPoint, string Root)? MountContaining(string path, string mountInfoPath = DefaultPath)
    {
        if (Read(mountInfoPath) is not { } mounts)
        {
            return null;
        }

        (string MountPoint, string Root)? best = null;
        foreach (var (mountPoint, root, _) in mounts)
        {
            var contains = mountPoint == "/" || path == mountPoint || path.StartsWith(mountPoint + "/", StringComparison.Ordinal);
            // Later lines are mounted over earlier ones on the same point, so ties go to the last.
            if (contains && (best is null || mountPoint.Length >= best.Value.MountPoint.Length))
            {
                best = (mountPoint, root);
            }
        }

        return best;
    }

    public static bool IsMountPoint(string path, string mountInfoPath = DefaultPath) => OptionsOf(path, mountInfoPath) is not null;

    public static bool IsReadOnly(string mountPoint, string mountInfoPath = DefaultPath) =>
        OptionsOf(mountPoint, mountInfoPath)?.Contains("ro") == true;

    /// <summary>The mounts in file order, or null without a mount table.</summary>
    private static IEnumerable<Mount>? Read(string mountInfoPath)
    {
        if (!File.Exists(mountInfoPath))
        {
            return null;
        }

        // mountinfo fields: id parent major:minor root mount-point mount-options …
        return File.ReadLines(mountInfoPath)
            .Select(line => line.Split(' '))
            .Where(fields => fields.Length > 5)
            .Select(fields => new Mount(Unescape(fields[4]), Unescape(fields[3]), fields[5].Split(',')));
    }

    /// <summary>mountinfo writes space, tab, newline and backslash in paths as three-digit octal escapes.</summary>
    private static string Unescape(string field) =>
        Regex.Replace(field, @"\\([0-7]{3})", m => ((char)Convert.ToInt32(m.Groups[1].Value, 8)).ToString());

    private sealed record Mount(string MountPoint, string Root, IReadOnlyList<string> Options);
}
