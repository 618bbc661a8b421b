using BootcImageBuilder.Randomness;
using static BootcImageBuilder.EmptyValues;

namespace BootcImageBuilder.Disk;

/// <summary>
/// Builds a table from a disk customization alone: boot partitions for the boot mode, a /boot when the root
/// lives on LVM or btrfs, the requested partitions in order, a root filesystem if none was requested, then
/// sizing, layout and UUIDs.
/// </summary>
internal static class CustomPartitionTable
{
    private const string ErrorPrefix = "error generating partition table:";

    // Upstream still hard-codes these for the automatically added boot partitions.
    private const string BiosBootPartitionUuid = "FAC7F1FB-3E8D-4137-A512-961DE09A5549";
    private const string EfiSystemPartitionUuid = "68B2905B-DF3E-4FB3-80FA-49D1E773AA33";
    private const string EfiFilesystemVolumeId = "7B77-95E7";
    private const string EspFstabOptions = "defaults,uid=0,gid=0,umask=077,shortname=winnt";

    public static PartitionTable Build(
        DiskLayoutRequest disk,
        PartitionTableType defaultType,
        BootMode bootMode,
        FilesystemType defaultFs,
        Arch arch,
        IReadOnlyDictionary<string, ulong> requiredDirectorySizes,
        IRandomSource random)
    {
        if (DiskLayoutValidation.Error(disk) is { } invalid)
        {
            throw Fail(invalid);
        }

        var type = string.IsNullOrEmpty(disk.Type) ? defaultType : PartitionTableTypeNames.Parse(disk.Type);
        var table = new PartitionTable(type, []);
        table = AddBootModePartitions(table, disk, bootMode, arch);
        if (NeedsBootPartition(disk))
        {
            table = AddBootPartition(table, defaultFs is FilesystemType.Ext4 or FilesystemType.Xfs ? defaultFs : FilesystemType.Xfs, arch);
        }

        foreach (var part in disk.Partitions)
        {
            table = table with { Partitions = table.Partitions.Add(ToPartition(table.Type, part, defaultFs, arch)) };
        }

        table = EnsureRootFilesystem(table, defaultFs, arch);
        if (requiredDirectorySizes.Count > 0)
        {
            table = PartitionLayout.EnsureDirectorySizes(table, requiredDirectorySizes);
        }

        if (disk.StartOffset > 0)
        {
            table = table with { StartOffset = disk.StartOffset };
        }

        table = PartitionLayout.Relayout(table, disk.MinSize);
        table = UuidAssignment.Assign(table, random);
        if (table.Type == PartitionTableType.Dos && table.Partitions.Count > 4)
        {
            throw Fail($"invalid partition table: \"dos\" partition table type only supports up to 4 partitions: got {table.Partitions.Count} after creating the partition table with all necessary partitions");
        }

        return table;
    }

    private static BibException Fail(string message) => new($"{ErrorPrefix} {message}");

    private static PartitionTable AddBootModePartitions(PartitionTable table, DiskLayoutRequest disk, BootMode bootMode, Arch arch)
    {
        if (bootMode == BootMode.None)
        {
            return table;
        }

        var hasEsp = disk.Partitions.Any(p => p.Type is null or "" or "plain" && p.Mountpoint == "/boot/efi");
        var added = new List<Partition>();
        switch (arch.Name)
        {
            case "ppc64le":
                added.Add(new Partition { Size = 4 * DataSize.MiB, Bootable = true, Type = PartitionTypes.For(table.Type, PartitionRole.Prep, arch) });
                break;
            case "s390x":
                break;
            case "aarch64" or "riscv64":
                if (!hasEsp)
                {
                    added.Add(EfiSystem(table.Type, arch));
                }

                break;
            case "x86_64":
                if (bootMode is BootMode.Legacy or BootMode.Hybrid)
                {
                    added.Add(new Partition
                    {
                        Size = DataSize.MiB,
                        Bootable = true,
                        Type = PartitionTypes.For(table.Type, PartitionRole.BiosBoot, arch),
                        Uuid = BiosBootPartitionUuid,
                    });
                }

                if (bootMode is BootMode.Uefi or BootMode.Hybrid && !hasEsp)
                {
                    added.Add(EfiSystem(table.Type, arch));
                }

                break;
            default:
                throw Fail($"unknown or unsupported architecture {arch.Name}");
        }

        return table with { Partitions = new ValueList<Partition>(table.Partitions.Concat(added)) };
    }

    private static Partition EfiSystem(PartitionTableType type, Arch arch) => new()
    {
        Size = 200 * DataSize.MiB,
        Type = PartitionTypes.For(type, PartitionRole.EfiSystem, arch),
        Uuid = EfiSystemPartitionUuid,
        Payload = new Filesystem(FilesystemType.Vfat, "/boot/efi")
        {
            Uuid = EfiFilesystemVolumeId,
            Label = "ESP",
            FstabOptions = EspFstabOptions,
            FstabPassNo = 2,
        },
    };

    /// <summary>A /boot is needed when / is on LVM or btrfs (or will be created there) and no /boot is requested.</summary>
    private static bool NeedsBootPartition(DiskLayoutRequest disk)
    {
        var foundVolumes = false;
        foreach (var part in disk.Partitions)
        {
            switch (part.Type)
            {
                case null or "" or "plain":
                    if (part.Mountpoint is "/" or "/boot")
                    {
                        return false;
                    }

                    break;
                case "lvm":
                    foundVolumes = true;
                    if (part.LogicalVolumes.Any(lv => lv.Mountpoint == "/"))
                    {
                        return true;
                    }

                    break;
                case "btrfs":
                    foundVolumes = true;
                    if (part.Subvolumes.Any(sv => sv.Mountpoint == "/"))
                    {
                        return !part.Subvolumes.Any(sv => sv.Mountpoint == "/boot");
                    }

                    break;
            }
        }

        return foundVolumes;
    }

    private static PartitionTable AddBootPartition(PartitionTable table, FilesystemType type, Arch arch)
    {
        var label = LogicalVolumeNames.UniqueName("boot", Labels(table, excludeRoot: false));
        var boot = new Partition
        {
            Size = DataSize.GiB,
            Type = PartitionTypes.For(table.Type, PartitionRole.Boot, arch),
            Payload = new Filesystem(type, "/boot") { Label = label },
        };
        return table with { Partitions = table.Partitions.Add(boot) };
    }

    private static Partition ToPartition(PartitionTableType tableType, DiskPartitionRequest part, FilesystemType defaultFs, Arch arch)
    {
        if (!string.IsNullOrEmpty(part.PartType))
        {
            var typeName = tableType.ToLabel();
            var where = PosixPath.Quote(part.Mountpoint);
            if (DiskLayoutValidation.PartitionTypeIdError(part, typeName) is { } typeError)
            {
                throw Fail($"error validating partition type ID for {where}: {typeError}");
            }

            if (DiskLayoutValidation.PartitionUuidError(part, typeName) is { } uuidError)
            {
                throw Fail($"error validating partition ID for {where}: {uuidError}");
            }

            if (DiskLayoutValidation.PartitionLabelError(part, typeName) is { } labelError)
            {
                throw Fail($"error validating partition label for {where}: {labelError}");
            }
        }

        var partition = new Partition
        {
            Uuid = NullIfEmpty(part.PartUuid),
            Label = NullIfEmpty(part.PartLabel),
            Size = part.MinSize,
        };
        return part.Type switch
        {
            null or "" or "plain" => PlainPartition(tableType, part, partition, defaultFs, arch),
            "lvm" => partition with
            {
                Type = NullIfEmpty(part.PartType) ?? PartitionTypes.For(tableType, PartitionRole.Lvm, arch),
                Payload = VolumeGroup(part, defaultFs),
            },
            "btrfs" => partition with
            {
                Type = NullIfEmpty(part.PartType) ?? PartitionTypes.For(tableType, PartitionRole.Data, arch),
                Payload = new BtrfsVolume(new ValueList<BtrfsSubvolume>(part.Subvolumes.Select(sv => new BtrfsSubvolume(sv.Name, sv.Mountpoint)))),
            },
            _ => throw Fail($"invalid partition type: {part.Type}"),
        };
    }

    private static Partition PlainPartition(PartitionTableType tableType, DiskPartitionRequest part, Partition partition, FilesystemType defaultFs, Arch arch)
    {
        var fsType = string.IsNullOrEmpty(part.FsType) ? defaultFs.ToName() : part.FsType;
        var role = part.Mountpoint switch
        {
            "/" => PartitionRole.Root,
            "/usr" => PartitionRole.Usr,
            "/boot" => PartitionRole.Boot,
            "/boot/efi" => PartitionRole.EfiSystem,
            _ => fsType == "swap" ? PartitionRole.Swap : PartitionRole.Data,
        };
        PartitionPayload? payload = fsType switch
        {
            "none" => null,
            "swap" => new SwapArea { Label = NullIfEmpty(part.Label) },
            _ => new Filesystem(FilesystemTypeNames.Parse(fsType), part.Mountpoint)
            {
                Label = NullIfEmpty(part.Label),
                FstabOptions = part.Mountpoint == "/boot/efi" ? EspFstabOptions : "defaults",
            },
        };
        return partition with
        {
            Type = NullIfEmpty(part.PartType) ?? PartitionTypes.For(tableType, role, arch),
            Payload = payload,
        };
    }

    private static LvmVolumeGroup VolumeGroup(DiskPartitionRequest part, FilesystemType defaultFs)
    {
        // Only one volume group is allowed, so the generated name is always the first one.
        var vg = new LvmVolumeGroup(string.IsNullOrEmpty(part.Name) ? "vg00" : part.Name, []);
        foreach (var request in part.LogicalVolumes)
        {
            var fsType = string.IsNullOrEmpty(request.FsType) ? defaultFs.ToName() : request.FsType;
            PartitionPayload payload = fsType == "swap"
                ? new SwapArea { Label = NullIfEmpty(request.Label) }
                : new Filesystem(FilesystemTypeNames.Parse(fsType), request.Mountpoint) { Label = NullIfEmpty(request.Label) };
            var name = string.IsNullOrEmpty(request.Name)
                ? LogicalVolumeNames.Unique(vg, LogicalVolumeNames.ForMountpoint(fsType == "swap" ? "swap" : request.Mountpoint ?? string.Empty))
                : request.Name;
            var volume = new LogicalVolume(name, DataSize.AlignUp(request.MinSize, LvmVolumeGroup.ExtentSize), payload);
            vg = vg with { LogicalVolumes = vg.LogicalVolumes.Add(volume) };
        }

        return vg;
    }

    /// <summary>Adds "/" to the first volume group, else the first btrfs volume, else as a new last partition.</summary>
    private static PartitionTable EnsureRootFilesystem(PartitionTable table, FilesystemType defaultFs, Arch arch)
    {
        if (table.ContainsMountpoint("/"))
        {
            return table;
        }

        var labels = Labels(table, excludeRoot: true);
        for (var index = 0; index < table.Partitions.Count; index++)
        {
            var partition = table.Partitions[index];
            switch (partition.Payload)
            {
                case LvmVolumeGroup vg:
                    var rootFs = new Filesystem(defaultFs, "/") { Label = LogicalVolumeNames.UniqueName("root", labels) };
                    var volume = new LogicalVolume(LogicalVolumeNames.Unique(vg, "rootlv"), 0, rootFs);
                    return Replace(table, index, partition with { Payload = vg with { LogicalVolumes = vg.LogicalVolumes.Add(volume) } });
                case BtrfsVolume btrfs:
                    var names = btrfs.Subvolumes.Select(sv => sv.Name).ToHashSet(StringComparer.Ordinal);
                    var subvolume = new BtrfsSubvolume(LogicalVolumeNames.UniqueName("root", names), "/");
                    return Replace(table, index, partition with { Payload = btrfs with { Subvolumes = btrfs.Subvolumes.Add(subvolume) } });
            }
        }

        var root = new Partition
        {
            Type = PartitionTypes.For(table.Type, PartitionRole.Root, arch),
            Payload = new Filesystem(defaultFs, "/") { Label = LogicalVolumeNames.UniqueName("root", labels) },
        };
        return table with { Partitions = table.Partitions.Add(root) };
    }

    /// <summary>Labels in use (a subvolume's label is its name), to keep generated labels unique.</summary>
    private static HashSet<string> Labels(PartitionTable table, bool excludeRoot)
    {
        var labels = new HashSet<string>(StringComparer.Ordinal);
        foreach (var at in table.Mountables())
        {
            if (excludeRoot && at.Mountpoint == "/")
            {
                continue;
            }

            var payload = table.Partitions[at.PartitionIndex].Payload;
            labels.Add((payload, at.VolumeIndex) switch
            {
                (Filesystem fs, null) => fs.Label ?? string.Empty,
                (LvmVolumeGroup vg, int lv) => (vg.LogicalVolumes[lv].Payload as Filesystem)?.Label ?? string.Empty,
                (BtrfsVolume btrfs, int sv) => btrfs.Subvolumes[sv].Name,
                _ => string.Empty,
            });
        }

        return labels;
    }

    private static PartitionTable Replace(PartitionTable table, int index, Partition partition) =>
        table with { Partitions = table.Partitions.SetItem(index, partition) };
}
