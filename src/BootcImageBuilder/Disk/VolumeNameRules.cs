using System.Text.RegularExpressions;

namespace BootcImageBuilder.Disk;

/// <summary>
/// What a name must look like for the place it ends up in. A btrfs subvolume name becomes a path inside the volume
/// and a <c>subvol=</c> mount option in fstab and mount units; LVM names become <c>/dev/VG/LV</c> device paths; a
/// mountpoint becomes an fstab field and a unit name. Upstream checks none of these beyond emptiness and
/// duplicates, so these rules are ours; messages name the rule, never the value.
/// </summary>
public static partial class VolumeNameRules
{
    /// <summary>lvm(8): 1–127 of <c>A-Za-z0-9+_.-</c>, not starting with <c>-</c>, not <c>.</c> or <c>..</c>.</summary>
    public static string? LvmNameError(string name, string what)
    {
        ArgumentNullException.ThrowIfNull(name);
        return LvmName().IsMatch(name) && name is not ("." or "..")
            ? null
            : $"invalid {what} name: it must be 1 to 127 of the characters A-Z a-z 0-9 + _ . - and not start with '-' or be '.' or '..'";
    }

    /// <summary>
    /// Path segments of <c>A-Za-z0-9_.@+-</c> separated by <c>/</c> (one leading <c>/</c> allowed), no <c>.</c> or
    /// <c>..</c> segment, at most 255 characters: no comma (a mount option separator), no whitespace or newline
    /// (fstab fields, unit lines), no way out of the volume.
    /// </summary>
    public static string? BtrfsSubvolumeNameError(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var segments = name.TrimStart('/').Split('/');
        var valid = name.Length <= 255 && !name.StartsWith("//", StringComparison.Ordinal)
            && segments.All(s => SubvolumeSegment().IsMatch(s) && s is not ("." or ".."));
        return valid
            ? null
            : "invalid btrfs subvolume name: it must be path segments of the characters A-Z a-z 0-9 _ . @ + - joined by '/', without '.' or '..' segments, at most 255 characters";
    }

    /// <summary>A mountpoint reaches fstab (whitespace separates fields) and unit files (one line per setting).</summary>
    public static string? MountpointTextError(string mountpoint)
    {
        ArgumentNullException.ThrowIfNull(mountpoint);
        return mountpoint.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c == '\\')
            ? "mountpoint must not contain whitespace, control characters or backslashes"
            : null;
    }

    [GeneratedRegex(@"^[A-Za-z0-9+_.][A-Za-z0-9+_.-]{0,126}\z")]
    private static partial Regex LvmName();

    [GeneratedRegex(@"^[A-Za-z0-9_.@+-]+\z")]
    private static partial Regex SubvolumeSegment();
}
