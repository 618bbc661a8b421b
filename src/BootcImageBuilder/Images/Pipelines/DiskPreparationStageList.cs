using BootcImageBuilder.Disk;
using BootcImageBuilder.Osbuild;
using OsbuildLogicalVolume = BootcImageBuilder.Osbuild.LogicalVolume;
using OsbuildSfdiskPartition = BootcImageBuilder.Osbuild.SfdiskPartition;

namespace BootcImageBuilder.Images.Pipelines;

/// <summary>
/// The stages that turn an empty file into a formatted disk: truncate, sfdisk, volume group creation, one mkfs
/// (or mkswap, write-device) per payload in tree order, and the volume group metadata rewrite after the install.
/// Every stage addresses its target as device <c>device</c>, with the chain of devices leading to it.
/// </summary>
public static class DiskPreparationStageList
{
    public static IReadOnlyList<Stage> Prepare(PartitionTable table, string filename, string sourcePipeline)
    {
        ArgumentNullException.ThrowIfNull(table);
        var stages = new List<Stage>
        {
            Stage.Of(new TruncateOptions(filename, checked((long)table.Size))),
            Stage.Of(SfdiskOptionsOf(table), devices: [Device("device", new LoopbackDeviceOptions(filename, Lock: true))]),
        };
        stages.AddRange(VolumeGroupStages(table, filename, vg => new Lvm2CreateOptions(
            [.. vg.LogicalVolumes.Select(lv => OsbuildLogicalVolume.OfBytes(lv.Name, checked((long)lv.Size)))])));
        stages.AddRange(PayloadStages(table, filename, sourcePipeline));
        return stages;
    }

    /// <summary>The stages after the OS install: the metadata rewrite of each volume group.</summary>
    public static IReadOnlyList<Stage> Finish(PartitionTable table, string filename)
    {
        ArgumentNullException.ThrowIfNull(table);
        return [.. VolumeGroupStages(table, filename, vg => new Lvm2MetadataOptions(vg.Name))];
    }

    private static SfdiskOptions SfdiskOptionsOf(PartitionTable table)
    {
        var sfdisk = SfdiskPartitioning.From(table);
        var partitions = sfdisk.Partitions.Select(p => new OsbuildSfdiskPartition(
            p.Bootable,
            p.Name,
            checked((long)p.Size),
            checked((long)p.Start),
            p.Type,
            p.Uuid,
            p.Attrs.Count == 0 ? null : [.. p.Attrs.Select(a => checked((int)a))])).ToList();
        return new SfdiskOptions(sfdisk.Label, sfdisk.Uuid ?? string.Empty, partitions);
    }

    private static IEnumerable<Stage> VolumeGroupStages(PartitionTable table, string filename, Func<LvmVolumeGroup, StageOptions> options)
    {
        foreach (var partition in table.Partitions)
        {
            if (partition.Payload is LvmVolumeGroup vg)
            {
                yield return Stage.Of(options(vg), devices: [Device("device", PartitionLoopback(table, partition, filename))]);
            }
        }
    }

    private static IEnumerable<Stage> PayloadStages(PartitionTable table, string filename, string sourcePipeline)
    {
        foreach (var partition in table.Partitions)
        {
            var loopback = PartitionLoopback(table, partition, filename);
            if (partition.Payload is LvmVolumeGroup vg)
            {
                foreach (var lv in vg.LogicalVolumes)
                {
                    var lvDevice = Osbuild.Device.Lvm2Lv(vg.Name, new Lvm2LvDeviceOptions(lv.Name));
                    ParentDevice[] chain = [new(vg.Name, loopback)];
                    foreach (var stage in StagesFor(lv.Payload, lvDevice, chain, sourcePipeline))
                    {
                        yield return stage;
                    }
                }

                continue;
            }

            foreach (var stage in StagesFor(partition.Payload, loopback, [], sourcePipeline))
            {
                yield return stage;
            }
        }
    }

    private static IEnumerable<Stage> StagesFor(PartitionPayload? payload, Osbuild.Device target, ParentDevice[] parents, string sourcePipeline)
    {
        KeyValuePair<string, Osbuild.Device>[] devices = [Device("device", target), .. parents.Select(p => Device(p.Name, p.Value))];
        switch (payload)
        {
            case Filesystem fs:
                yield return Stage.Of(MkfsOptionsOf(fs), devices: devices);
                break;
            case BtrfsVolume btrfs:
                yield return Stage.Of(new MkfsBtrfsOptions(btrfs.Uuid ?? string.Empty, btrfs.Label), devices: devices);
                var subvolumes = btrfs.Subvolumes.Select(sv => new Osbuild.BtrfsSubvolume("/" + sv.Name.TrimStart('/'))).ToList();
                yield return Stage.Of(
                    new BtrfsSubvolOptions(subvolumes),
                    devices: devices,
                    mounts: [Mount.Btrfs("volume", "device", "/", new BtrfsMountOptions())]);
                break;
            case SwapArea swap:
                yield return Stage.Of(new MkswapOptions(swap.Uuid ?? string.Empty, swap.Label), devices: devices);
                break;
            case RawPayload raw:
                yield return Stage.Of(
                    new WriteDeviceOptions("input://" + JoinClean("tree", raw.SourcePath)),
                    inputs: [KeyValuePair.Create<string, StageInput>("tree", TreeInput.OfPipeline(sourcePipeline))],
                    devices: devices);
                break;
        }
    }

    private static StageOptions MkfsOptionsOf(Filesystem fs)
    {
        var uuid = fs.Uuid ?? string.Empty;
        return fs.Type switch
        {
            FilesystemType.Xfs => new MkfsXfsOptions(uuid, fs.Label),
            FilesystemType.Ext4 => new MkfsExt4Options(uuid, fs.Label, fs.Mkfs.Verity ? true : null),
            FilesystemType.Vfat => new MkfsFatOptions(
                uuid.Replace("-", string.Empty, StringComparison.Ordinal),
                fs.Label,
                Geometry: fs.Mkfs.Geometry is { } g ? new MkfsFatGeometry(g.Heads, g.SectorsPerTrack) : null),
            _ => throw new BibException($"unknown fs type: {fs.Type.ToName()} for {fs.Mountpoint}"),
        };
    }

    /// <summary>The locked loop device over one partition (start and size in sectors).</summary>
    private static Osbuild.Device PartitionLoopback(PartitionTable table, Partition partition, string filename) =>
        Osbuild.Device.Loopback(new LoopbackDeviceOptions(
            filename,
            Start: checked((long)table.BytesToSectors(partition.Start)),
            Size: checked((long)table.BytesToSectors(partition.Size)),
            Lock: true));

    private static KeyValuePair<string, Osbuild.Device> Device(string name, Osbuild.Device device) => KeyValuePair.Create(name, device);

    private static KeyValuePair<string, Osbuild.Device> Device(string name, LoopbackDeviceOptions options) =>
        KeyValuePair.Create(name, Osbuild.Device.Loopback(options));

    /// <summary>Joins like Go's <c>path.Join</c>: one slash between parts, no trailing or doubled slashes.</summary>
    private static string JoinClean(string first, string second)
    {
        var parts = (first + "/" + second).Split('/', StringSplitOptions.RemoveEmptyEntries);
        return string.Join('/', parts);
    }

    private sealed record ParentDevice(string Name, Osbuild.Device Value);
}
