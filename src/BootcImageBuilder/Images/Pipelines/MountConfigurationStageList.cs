using System.Text.RegularExpressions;
using BootcImageBuilder.Disk;
using BootcImageBuilder.Osbuild;

namespace BootcImageBuilder.Images.Pipelines;

/// <summary>
/// How the installed OS finds its filesystems: one systemd mount (or swap) unit per entry plus the stage enabling
/// them, an <c>/etc/fstab</c>, or nothing.
/// </summary>
public static partial class MountConfigurationStageList
{
    private const string ByUuid = "/dev/disk/by-uuid/";

    public static IReadOnlyList<Stage> For(PartitionTable table, MountConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(table);
        return configuration switch
        {
            MountConfiguration.Units => Units(table),
            MountConfiguration.Fstab => [Stage.Of(Fstab(table))],
            _ => [],
        };
    }

    /// <summary>One unit per entry, sorted by unit file name, then <c>org.osbuild.systemd</c> enabling all of them.</summary>
    public static IReadOnlyList<Stage> Units(PartitionTable table)
    {
        var units = Entries(table).Select(UnitOf).OrderBy(u => u.Filename, StringComparer.Ordinal).ToList();
        if (units.Count == 0)
        {
            return [];
        }

        return [.. units.Select(u => Stage.Of(u)), Stage.Of(new SystemdOptions(EnabledServices: [.. units.Select(u => u.Filename)]))];
    }

    /// <summary>The fstab lines, ordered by pass number then path as upstream does.</summary>
    public static FstabOptions Fstab(PartitionTable table)
    {
        var entries = Entries(table)
            .Select(e => new FstabEntry(e.Type, e.Uuid, Path: e.File, Options: e.Options, Freq: (long)e.Freq, Passno: (long)e.PassNo))
            .OrderBy(e => $"{e.Passno}{e.Path}", StringComparer.Ordinal)
            .ToList();
        return new FstabOptions(entries);
    }

    private static SystemdUnitCreateOptions UnitOf(Entry entry)
    {
        var what = ByUuid + (IsFatVolumeId(entry.Uuid) ? entry.Uuid : entry.Uuid.ToLowerInvariant());
        var unitSection = new SystemdUnitSection(DefaultDependencies: true);
        var install = new SystemdInstallSection(WantedBy: ["multi-user.target"]);
        return entry.Type == "swap"
            ? new SystemdUnitCreateOptions(
                SystemdPath.Escape(what) + ".swap",
                new SystemdUnit(unitSection, Swap: new SystemdSwapSection(what, Options: entry.Options), Install: install),
                UnitPath: "etc")
            : new SystemdUnitCreateOptions(
                SystemdPath.Escape(entry.File) + ".mount",
                new SystemdUnit(unitSection, Mount: new SystemdMountSection(what, entry.File, entry.Type, entry.Options), Install: install),
                UnitPath: "etc");
    }

    private static bool IsFatVolumeId(string uuid) => FatVolumeId().IsMatch(uuid.Replace("-", string.Empty, StringComparison.Ordinal));

    /// <summary>Every fstab entity in tree order: filesystems, btrfs subvolumes and swap areas, also inside volume groups.</summary>
    private static IEnumerable<Entry> Entries(PartitionTable table)
    {
        foreach (var partition in table.Partitions)
        {
            var payloads = partition.Payload is LvmVolumeGroup vg
                ? vg.LogicalVolumes.Select(lv => lv.Payload)
                : [partition.Payload];
            foreach (var payload in payloads)
            {
                switch (payload)
                {
                    case Filesystem { Mountpoint: { Length: > 0 } mountpoint } fs:
                        yield return new Entry(fs.Uuid ?? string.Empty, fs.Type.ToName(), mountpoint, fs.FstabOptions, fs.FstabFreq, fs.FstabPassNo);
                        break;
                    case SwapArea swap:
                        yield return new Entry(swap.Uuid ?? string.Empty, "swap", "none", swap.FstabOptions, 0, 0);
                        break;
                    case BtrfsVolume btrfs:
                        foreach (var sv in btrfs.Subvolumes.Where(sv => !string.IsNullOrEmpty(sv.Mountpoint)))
                        {
                            yield return new Entry(btrfs.Uuid ?? string.Empty, "btrfs", sv.Mountpoint!, sv.FstabOptions, 0, 0);
                        }

                        break;
                }
            }
        }
    }

    [GeneratedRegex(@"^[a-fA-F0-9]{8}\z")]
    private static partial Regex FatVolumeId();

    private sealed record Entry(string Uuid, string Type, string File, string Options, ulong Freq, ulong PassNo);
}
