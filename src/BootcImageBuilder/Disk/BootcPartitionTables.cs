using BootcImageBuilder.Randomness;

namespace BootcImageBuilder.Disk;

/// <summary>Produces the partition table of a bootc disk image from the container facts and the customizations.</summary>
public static class BootcPartitionTables
{
    /// <summary>
    /// The laid-out table with every UUID drawn from <paramref name="random"/>. Filesystem customizations adapt
    /// the base table; a disk customization builds the table from scratch. An ext4 root gets fs-verity.
    /// </summary>
    public static PartitionTable Generate(BootcPartitioningRequest request, IRandomSource random)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(random);
        if (request.Filesystems is not null && request.Disk is not null)
        {
            throw new BibException("cannot combine disk and filesystem customizations");
        }

        var baseTable = request.BaseTable ?? BasePartitionTables.For(request.Arch, request.RootfsType);
        PartitionTable table;
        try
        {
            table = request.Disk is { } disk
                ? FromDiskCustomization(request, baseTable, disk, random)
                : FromFilesystemCustomizations(request, baseTable, random);
        }
        catch (OverflowException e)
        {
            // Sizes are bounded one by one; only their sum can pass 64 bits.
            throw new BibException($"cannot lay out the disk: the partitions need more than {DiskBounds.Describe(baseTable.Type)}", e);
        }

        DiskBounds.Check(table);
        return WithVerityRoot(table);
    }

    private static PartitionTable FromDiskCustomization(
        BootcPartitioningRequest request, PartitionTable baseTable, DiskLayoutRequest disk, IRandomSource random)
    {
        if (DiskLayoutValidation.LayoutConstraintError(disk) is { } constraint)
        {
            throw new BibException($"cannot use disk customization: {constraint}");
        }

        var rootfsMinSize = request.RootfsMinSize;
        disk = disk with { MinSize = Math.Max(disk.MinSize, rootfsMinSize) };
        var bootMode = request.BootMode ?? (request.Arch == Arch.Aarch64 ? BootMode.Uefi : BootMode.Hybrid);
        var required = new Dictionary<string, ulong>(StringComparer.Ordinal)
        {
            ["/"] = Math.Max(rootfsMinSize, RequestedRootSize(disk)),
        };
        return CustomPartitionTable.Build(disk, baseTable.Type, bootMode, request.RootfsType, request.Arch, required, random);
    }

    /// <summary>
    /// The size asked for "/". Upstream takes the enclosing partition's minsize even when "/" is a logical
    /// volume or subvolume; kept so sizes match.
    /// </summary>
    private static ulong RequestedRootSize(DiskLayoutRequest disk)
    {
        var sizes = new Dictionary<string, ulong>(StringComparer.Ordinal);
        foreach (var part in disk.Partitions)
        {
            switch (part.Type)
            {
                case null or "" or "plain":
                    sizes[part.Mountpoint ?? string.Empty] = part.MinSize;
                    break;
                case "lvm":
                    foreach (var lv in part.LogicalVolumes)
                    {
                        sizes[lv.Mountpoint ?? string.Empty] = part.MinSize;
                    }

                    break;
                case "btrfs":
                    foreach (var subvolume in part.Subvolumes)
                    {
                        sizes[subvolume.Mountpoint] = part.MinSize;
                    }

                    break;
                default:
                    throw new BibException($"unknown disk customization type \"{part.Type}\"");
            }
        }

        return sizes.GetValueOrDefault("/");
    }

    private static PartitionTable FromFilesystemCustomizations(
        BootcPartitioningRequest request, PartitionTable baseTable, IRandomSource random)
    {
        var filesystems = request.Filesystems ?? [];
        MountpointPolicy.Check(filesystems, request.RootfsType);
        var rootfsMinSize = request.RootfsMinSize;
        var sized = filesystems
            .Select(fs => fs.Mountpoint == "/" ? fs with { MinSize = Math.Max(fs.MinSize, rootfsMinSize) } : fs)
            .ToList();
        if (!sized.Any(fs => fs.Mountpoint == "/"))
        {
            sized.Add(new FilesystemRequest("/", rootfsMinSize));
        }

        var imageSize = baseTable.Size != 0 ? baseTable.Size : BootcPartitioningRequest.DefaultImageSize;
        return BaseTableCustomization.Apply(baseTable, sized, imageSize, request.Arch, request.RootfsType, random);
    }

    private static PartitionTable WithVerityRoot(PartitionTable table)
    {
        if (table.FindMountable("/") is not { } root)
        {
            return table;
        }

        var partition = table.Partitions[root.PartitionIndex];
        PartitionPayload? payload = (partition.Payload, root.VolumeIndex) switch
        {
            (Filesystem { Type: FilesystemType.Ext4 } fs, null) => fs with { Mkfs = fs.Mkfs with { Verity = true } },
            (LvmVolumeGroup vg, int lv) when vg.LogicalVolumes[lv].Payload is Filesystem { Type: FilesystemType.Ext4 } fs =>
                vg with { LogicalVolumes = vg.LogicalVolumes.SetItem(lv, vg.LogicalVolumes[lv] with { Payload = fs with { Mkfs = fs.Mkfs with { Verity = true } } }) },
            _ => partition.Payload,
        };
        return table with { Partitions = table.Partitions.SetItem(root.PartitionIndex, partition with { Payload = payload }) };
    }
}
