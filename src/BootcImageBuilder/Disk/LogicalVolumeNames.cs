using System.Globalization;

namespace BootcImageBuilder.Disk;

/// <summary>Names for volumes nobody named: <c>rootlv</c>, <c>var_loglv</c>, <c>vg00</c>, with a two-digit suffix on collisions.</summary>
internal static class LogicalVolumeNames
{
    public static string ForMountpoint(string mountpoint) =>
        mountpoint == "/" ? "rootlv" : mountpoint.TrimStart('/').Replace('/', '_') + "lv";

    public static string Unique(LvmVolumeGroup vg, string baseName) =>
        UniqueName(baseName, vg.LogicalVolumes.Select(lv => lv.Name).ToHashSet(StringComparer.Ordinal));

    /// <summary><paramref name="baseName"/> if free, else the first free of base00 … base99 (as blivet does).</summary>
    public static string UniqueName(string baseName, IReadOnlySet<string> taken)
    {
        if (!taken.Contains(baseName))
        {
            return baseName;
        }

        for (var i = 0; i < 100; i++)
        {
            var candidate = baseName + i.ToString("00", CultureInfo.InvariantCulture);
            if (!taken.Contains(candidate))
            {
                return candidate;
            }
        }

        throw new BibException($"name collision: could not generate unique version of \"{baseName}\"");
    }
}
