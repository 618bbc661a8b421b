namespace BootcImageBuilder.Building;

/// <summary>The mounts of this process, from <c>/proc/self/mountinfo</c>.</summary>
public static class MountTable
{
    public const string DefaultPath = "/proc/self/mountinfo";

    /// <summary>The options of the last mount on <paramref name="mountPoint"/> (the one in effect), or null when none.</summary>
    public static IReadOnlyList<string>? OptionsOf(string mountPoint, string mountInfoPath = DefaultPath)
    {
        if (!File.Exists(mountInfoPath))
        {
            return null;
        }

        // mountinfo fields: id parent major:minor root mount-point mount-options …
        return File.ReadLines(mountInfoPath)
            .Select(line => line.Split(' '))
            .Where(fields => fields.Length > 5 && fields[4] == mountPoint)
            .Select(fields => fields[5].Split(','))
            .LastOrDefault();
    }

    public static bool IsMountPoint(string path, string mountInfoPath = DefaultPath) => OptionsOf(path, mountInfoPath) is not null;

    public static bool IsReadOnly(string mountPoint, string mountInfoPath = DefaultPath) =>
        OptionsOf(mountPoint, mountInfoPath)?.Contains("ro") == true;
}
