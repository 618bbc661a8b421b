using BootcImageBuilder.Disk;
using BootcImageBuilder.Randomness;
using CsCheck;

namespace BootcImageBuilder.Tests.Disk;

public class PartitionTablePropertyTests
{
    private static readonly Gen<Arch> ArchGen = Gen.OneOf([.. Arch.DiskArches]);
    private static readonly Gen<ulong> SizeGen = Gen.ULong[0, 20 * DataSize.GiB];
    private static readonly Gen<ulong> ContainerSizeGen = Gen.ULong[0, 8 * DataSize.GiB];

    private static readonly Gen<BootcPartitioningRequest> FilesystemRequests =
        from arch in ArchGen
        from rootfs in Gen.OneOf(FilesystemType.Ext4, FilesystemType.Xfs, FilesystemType.Btrfs)
        from containerSize in ContainerSizeGen
        from imageSize in Gen.OneOf(Gen.Const(0UL), SizeGen)
        from mountpoints in Gen.Shuffle(new[] { "/", "/boot", "/var/log", "/var/lib/containers", "/var/cache", "/var/tmp", "/var/opt" }, 0, 5)
        from sizes in SizeGen.Array[mountpoints.Length]
        select new BootcPartitioningRequest(arch, rootfs, containerSize)
        {
            ImageSize = imageSize,
            Filesystems = [.. mountpoints
                .Where(m => rootfs != FilesystemType.Btrfs || m is "/" or "/boot")
                .Select((m, i) => new FilesystemRequest(m, sizes[i]))],
        };

    private static readonly Gen<DiskPartitionRequest> PlainPartitionGen =
        from mountpoint in Gen.OneOf("/", "/boot", "/var/log", "/var/lib/containers", "/var/cache", "/var/tmp", "/var/opt")
        from fsType in Gen.OneOf("ext4", "xfs")
        from minSize in SizeGen
        select new DiskPartitionRequest { Mountpoint = mountpoint, FsType = fsType, MinSize = minSize };

    private static readonly Gen<DiskPartitionRequest> LvmPartitionGen =
        from mountpoints in Gen.Shuffle(new[] { "/", "/var/log", "/var/lib/containers", "/var/cache", "/var/tmp", "/var/opt" }, 1, 4)
        from sizes in SizeGen.Array[mountpoints.Length]
        from minSize in SizeGen
        select new DiskPartitionRequest
        {
            Type = "lvm",
            MinSize = minSize,
            LogicalVolumes = [.. mountpoints.Select((m, i) => new LogicalVolumeRequest(null, sizes[i], m, FsType: "xfs"))],
        };

    private static readonly Gen<DiskPartitionRequest> BtrfsPartitionGen =
        from mountpoints in Gen.Shuffle(new[] { "/", "/var/log", "/var/lib/containers", "/var/cache", "/var/tmp", "/var/opt" }, 1, 4)
        from minSize in SizeGen
        select new DiskPartitionRequest
        {
            Type = "btrfs",
            MinSize = minSize,
            Subvolumes = [.. mountpoints.Select(m => new BtrfsSubvolumeRequest(m == "/" ? "root" : m.TrimStart('/').Replace('/', '-'), m))],
        };

    private static readonly Gen<BootcPartitioningRequest> DiskRequests =
        from arch in ArchGen
        from rootfs in Gen.OneOf(FilesystemType.Ext4, FilesystemType.Xfs, FilesystemType.Btrfs)
        from containerSize in ContainerSizeGen
        from plain in PlainPartitionGen.Array[0, 3]
        from volumes in Gen.OneOf(Gen.Const(Array.Empty<DiskPartitionRequest>()), LvmPartitionGen.Array[1], BtrfsPartitionGen.Array[1])
        from minSize in Gen.OneOf(Gen.Const(0UL), SizeGen)
        select new BootcPartitioningRequest(arch, rootfs, containerSize)
        {
            Disk = new DiskLayoutRequest { MinSize = minSize, Partitions = [.. WithoutDuplicateMountpoints(plain, volumes)] },
        };

    [Fact]
    public void Filesystem_customizations_always_give_a_well_formed_table()
    {
        FilesystemRequests.Sample(request => AssertWellFormed(request, BootcPartitionTables.Generate(request, new SeededRandomSource(5))), iter: 300);
    }

    [Fact]
    public void Disk_customizations_always_give_a_well_formed_table()
    {
        DiskRequests.Sample(request => AssertWellFormed(request, BootcPartitionTables.Generate(request, new SeededRandomSource(5))), iter: 300);
    }

    [Fact]
    public void Same_seed_gives_the_same_table_and_another_seed_other_uuids()
    {
        Gen.OneOf(FilesystemRequests, DiskRequests).Sample(request =>
        {
            var first = BootcPartitionTables.Generate(request, new SeededRandomSource(11));
            var second = BootcPartitionTables.Generate(request, new SeededRandomSource(11));
            var other = BootcPartitionTables.Generate(request, new SeededRandomSource(12));

            Assert.Equal(first, second);
            Assert.NotEqual(first.Uuid, other.Uuid);
        }, iter: 100);
    }

    private static IEnumerable<DiskPartitionRequest> WithoutDuplicateMountpoints(DiskPartitionRequest[] plain, DiskPartitionRequest[] volumes)
    {
        var taken = new HashSet<string>(volumes.SelectMany(v => v.LogicalVolumes.Select(lv => lv.Mountpoint!).Concat(v.Subvolumes.Select(sv => sv.Mountpoint))));
        var hasVolumeRoot = taken.Contains("/");
        foreach (var part in plain)
        {
            // A plain "/" next to a volume group or btrfs volume holding "/" is a duplicate; any other repeat too.
            if (taken.Add(part.Mountpoint!) && !(hasVolumeRoot && part.Mountpoint == "/"))
            {
                yield return part;
            }
        }

        foreach (var volume in volumes)
        {
            yield return volume;
        }
    }

    private static void AssertWellFormed(BootcPartitioningRequest request, PartitionTable table)
    {
        var partitions = table.Partitions;
        Assert.True(partitions[0].Start >= table.HeaderSize, "first partition after the header");
        for (var i = 0; i < partitions.Count; i++)
        {
            var partition = partitions[i];
            Assert.Equal(0UL, partition.Start % DataSize.MiB);
            if (i < partitions.Count - 1)
            {
                Assert.Equal(0UL, partition.Size % DataSize.MiB);
                Assert.True(partition.End <= partitions[i + 1].Start, "partitions do not overlap");
            }

            if (partition.Payload is LvmVolumeGroup vg)
            {
                Assert.True(vg.RequiredSize <= partition.Size, "logical volumes fit their volume group");
            }
        }

        Assert.True(partitions[^1].Holds("/"), "root is last");
        Assert.True(partitions[^1].End + table.FooterSize <= table.Size, "the disk holds the GPT backup header");
        Assert.Equal(0UL, table.Size % DataSize.MiB);
        Assert.True(table.Size >= BootcPartitioningRequest.DefaultImageSize || request.Disk is not null);
        Assert.True(table.Size >= request.RootfsMinSize, "the disk is at least the root's minimum");

        var requested = (request.Filesystems?.Select(fs => fs.Mountpoint) ?? [])
            .Concat(request.Disk?.Partitions.SelectMany(p => p.LogicalVolumes.Select(lv => lv.Mountpoint!).Concat(p.Subvolumes.Select(sv => sv.Mountpoint)).Append(p.Mountpoint ?? "/")) ?? []);
        foreach (var mountpoint in requested.Append("/"))
        {
            Assert.True(table.ContainsMountpoint(mountpoint), $"{mountpoint} has a filesystem");
        }

        foreach (var at in table.Mountables())
        {
            var payload = partitions[at.PartitionIndex].Payload;
            Assert.True(payload is Filesystem or BtrfsVolume || (payload is LvmVolumeGroup vg && vg.LogicalVolumes[at.VolumeIndex!.Value].Payload is Filesystem));
        }
    }
}
