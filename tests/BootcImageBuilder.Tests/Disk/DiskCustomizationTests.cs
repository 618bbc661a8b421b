using BootcImageBuilder.Disk;
using BootcImageBuilder.Randomness;

namespace BootcImageBuilder.Tests.Disk;

public class DiskCustomizationTests
{
    private static PartitionTable Generate(DiskLayoutRequest disk, Arch? arch = null, FilesystemType rootfs = FilesystemType.Xfs) =>
        BootcPartitionTables.Generate(
            new BootcPartitioningRequest(arch ?? Arch.X86_64, rootfs, DataSize.GiB) { Disk = disk },
            new SeededRandomSource(3));

    private static string Refusal(DiskLayoutRequest disk) =>
        Assert.Throws<BibException>(() => Generate(disk)).Message;

    private static DiskPartitionRequest Plain(string mountpoint, string fsType = "xfs", ulong minSize = DataSize.GiB) =>
        new() { Mountpoint = mountpoint, FsType = fsType, MinSize = minSize };

    [Fact]
    public void Empty_disk_customization_gets_bios_esp_and_a_root_partition()
    {
        var table = Generate(new DiskLayoutRequest());

        Assert.Equal(
            ["21686148-6449-6E6F-744E-656564454649", "C12A7328-F81F-11D2-BA4B-00A0C93EC93B", "4F68BCE3-E8CD-4DB1-96E7-FBCAF984B709"],
            table.Partitions.Select(p => p.Type));
        Assert.Equal(["FAC7F1FB-3E8D-4137-A512-961DE09A5549", "68B2905B-DF3E-4FB3-80FA-49D1E773AA33"], table.Partitions.Take(2).Select(p => p.Uuid));
        var esp = table.FindFilesystem("/boot/efi")!;
        Assert.Equal(("7B77-95E7", "ESP", "defaults,uid=0,gid=0,umask=077,shortname=winnt"), (esp.Uuid, esp.Label, esp.FstabOptions));
        Assert.Equal(200 * DataSize.MiB, table.Partitions[1].Size);
        var root = table.FindFilesystem("/")!;
        Assert.Equal(("root", "defaults"), (root.Label, root.FstabOptions));
    }

    [Fact]
    public void Disk_minsize_is_at_least_twice_the_container()
    {
        var table = BootcPartitionTables.Generate(
            new BootcPartitioningRequest(Arch.X86_64, FilesystemType.Xfs, 6 * DataSize.GiB) { Disk = new DiskLayoutRequest() },
            new SeededRandomSource(3));

        // "/" itself must hold 12 GiB, so the disk is that plus the GPT header, BIOS boot, ESP and the GPT backup header.
        Assert.Equal((1 + 1 + 200 + (12 * 1024) + 1) * DataSize.MiB, table.Size);
    }

    [Fact]
    public void Aarch64_gets_only_an_esp_and_ppc64le_a_prep_partition()
    {
        Assert.Equal([PartitionTypes.EfiSystemGuid, "B921B045-1DF0-41C3-AF44-4C6F280D3FAE"], Generate(new DiskLayoutRequest(), Arch.Aarch64).Partitions.Select(p => p.Type));
        Assert.Equal([PartitionTypes.PrepGuid, "C31C45E6-3F39-412E-80FB-4809C4980599"], Generate(new DiskLayoutRequest(), Arch.Ppc64le).Partitions.Select(p => p.Type));
        Assert.Equal(["5EEAD9A9-FE09-4A1E-A1D7-520D00531306"], Generate(new DiskLayoutRequest(), Arch.S390x).Partitions.Select(p => p.Type));
    }

    [Fact]
    public void Plain_partitions_keep_label_part_label_part_uuid_and_part_type()
    {
        var table = Generate(new DiskLayoutRequest
        {
            Partitions =
            [
                new DiskPartitionRequest
                {
                    Mountpoint = "/data", FsType = "ext4", MinSize = 2 * DataSize.GiB, Label = "data",
                    PartLabel = "my-data", PartUuid = "11111111-2222-4333-8444-555555555555", PartType = "0FC63DAF-8483-4772-8E79-3D69D8477DE4",
                },
            ],
        });

        var data = table.Partitions[2];
        Assert.Equal(("my-data", "11111111-2222-4333-8444-555555555555", PartitionTypes.LinuxDataGuid, 2 * DataSize.GiB), (data.Label, data.Uuid, data.Type, data.Size));
        Assert.Equal((FilesystemType.Ext4, "data"), (table.FindFilesystem("/data")!.Type, table.FindFilesystem("/data")!.Label));
    }

    [Fact]
    public void Swap_partition_gets_the_swap_type_and_a_swap_area()
    {
        var table = Generate(new DiskLayoutRequest { Partitions = [new DiskPartitionRequest { FsType = "swap", MinSize = DataSize.GiB, Label = "swp" }] });

        Assert.Equal(PartitionTypes.SwapGuid, table.Partitions[2].Type);
        Assert.Equal("swp", Assert.IsType<SwapArea>(table.Partitions[2].Payload).Label);
    }

    [Fact]
    public void Lvm_root_gets_vg00_rootlv_and_an_automatic_boot_partition()
    {
        var table = Generate(new DiskLayoutRequest
        {
            Partitions =
            [
                new DiskPartitionRequest
                {
                    Type = "lvm", MinSize = 4 * DataSize.GiB,
                    LogicalVolumes = [new LogicalVolumeRequest(null, 3 * DataSize.GiB, "/", FsType: "ext4"), new LogicalVolumeRequest(null, DataSize.GiB, "/var/log", FsType: "xfs"), new LogicalVolumeRequest(null, 100 * DataSize.MiB, null, FsType: "swap")],
                },
            ],
        });

        Assert.Equal([PartitionTypes.BiosBootGuid, PartitionTypes.EfiSystemGuid, PartitionTypes.XbootldrGuid, PartitionTypes.LvmGuid], table.Partitions.Select(p => p.Type));
        Assert.Equal((FilesystemType.Xfs, "boot", "defaults"), (table.FindFilesystem("/boot")!.Type, table.FindFilesystem("/boot")!.Label, table.FindFilesystem("/boot")!.FstabOptions));
        var vg = Assert.IsType<LvmVolumeGroup>(table.Partitions[3].Payload);
        Assert.Equal("vg00", vg.Name);
        Assert.Equal(["rootlv", "var_loglv", "swaplv"], vg.LogicalVolumes.Select(lv => lv.Name));
        // Upstream sizes "/" from the enclosing partition's minsize (4 GiB), not the volume's own 3 GiB.
        Assert.Equal([4 * DataSize.GiB, DataSize.GiB, 100 * DataSize.MiB], vg.LogicalVolumes.Select(lv => lv.Size));
        Assert.True(table.FindFilesystem("/")!.Mkfs.Verity);
    }

    [Fact]
    public void Lvm_without_root_gets_a_root_volume_of_the_default_filesystem()
    {
        var table = Generate(new DiskLayoutRequest
        {
            Partitions = [new DiskPartitionRequest { Type = "lvm", Name = "data", MinSize = DataSize.GiB, LogicalVolumes = [new LogicalVolumeRequest("logs", DataSize.GiB, "/var/log", FsType: "xfs")] }],
        });

        var vg = Assert.IsType<LvmVolumeGroup>(table.Partitions[^1].Payload);
        Assert.Equal(("data", "rootlv", 2 * DataSize.GiB), (vg.Name, vg.LogicalVolumes[1].Name, vg.LogicalVolumes[1].Size));
        Assert.Equal(("root", FilesystemType.Xfs), (table.FindFilesystem("/")!.Label, table.FindFilesystem("/")!.Type));
    }

    [Fact]
    public void Btrfs_subvolumes_keep_their_names_and_get_an_xfs_boot_when_the_rootfs_is_btrfs()
    {
        var table = Generate(
            new DiskLayoutRequest { Partitions = [new DiskPartitionRequest { Type = "btrfs", MinSize = 5 * DataSize.GiB, Subvolumes = [new("root", "/"), new("home", "/var/home2")] }] },
            rootfs: FilesystemType.Btrfs);

        Assert.Equal(FilesystemType.Xfs, table.FindFilesystem("/boot")!.Type);
        var volume = Assert.IsType<BtrfsVolume>(table.Partitions[^1].Payload);
        Assert.Equal(PartitionTypes.LinuxDataGuid, table.Partitions[^1].Type);
        Assert.Equal(["subvol=root", "subvol=home"], volume.Subvolumes.Select(sv => sv.FstabOptions));
    }

    [Fact]
    public void Dos_table_uses_dos_ids()
    {
        var table = Generate(new DiskLayoutRequest { Type = "dos", Partitions = [Plain("/", "xfs")] });

        Assert.Equal("dos", SfdiskPartitioning.From(table).Label);
        Assert.Equal(["00", "ef", "83"], table.Partitions.Select(p => p.Type));
    }

    [Fact]
    public void Dos_table_with_more_than_4_partitions_in_the_end_is_refused()
    {
        Assert.Equal(
            "error generating partition table: invalid partition table: \"dos\" partition table type only supports up to 4 partitions: got 5 after creating the partition table with all necessary partitions",
            Refusal(new DiskLayoutRequest { Type = "dos", Partitions = [Plain("/"), Plain("/var/a"), Plain("/var/b")] }));
    }

    [Theory]
    [MemberData(nameof(InvalidLayouts))]
    public void Invalid_disk_customizations_are_refused_with_upstream_messages(DiskLayoutRequest disk, string message)
    {
        Assert.Equal(message, Refusal(disk));
    }

    public static TheoryData<DiskLayoutRequest, string> InvalidLayouts => new()
    {
        {
            new DiskLayoutRequest { Type = "dos", Partitions = [Plain("/a"), Plain("/b"), Plain("/c"), Plain("/d"), Plain("/e")] },
            "error generating partition table: invalid partitioning customizations: \"dos\" partition table type only supports up to 4 partitions: got 5"
        },
        { new DiskLayoutRequest { Type = "mbr" }, "error generating partition table: unknown partition table type: mbr (valid: gpt, dos)" },
        {
            new DiskLayoutRequest { Partitions = [new DiskPartitionRequest { Type = "lvm" }, new DiskPartitionRequest { Type = "btrfs" }] },
            "cannot use disk customization: btrfs and lvm partitioning cannot be combined"
        },
        {
            new DiskLayoutRequest { Partitions = [new DiskPartitionRequest { Type = "lvm" }, new DiskPartitionRequest { Type = "lvm" }] },
            "cannot use disk customization: multiple LVM volume groups are not yet supported"
        },
        {
            new DiskLayoutRequest { Partitions = [new DiskPartitionRequest { Type = "btrfs" }, new DiskPartitionRequest { Type = "btrfs" }] },
            "cannot use disk customization: multiple btrfs volumes are not yet supported"
        },
        {
            new DiskLayoutRequest { Partitions = [Plain("/data"), Plain("/data"), Plain("data"), Plain("/x/../y"), Plain(string.Empty)] },
            "error generating partition table: invalid partitioning customizations:\n" +
            "duplicate mountpoint \"/data\" in partitioning customizations\n" +
            "mountpoint \"data\" is not an absolute path\n" +
            "mountpoint \"/x/../y\" is not a canonical path (did you mean \"/y\"?)\n" +
            "mountpoint is empty"
        },
        {
            new DiskLayoutRequest { Partitions = [Plain("/data", "ntfs"), Plain("/boot", "vfat"), Plain("/boot/efi", "xfs"), new DiskPartitionRequest { FsType = "swap", Mountpoint = "/swap" }] },
            "error generating partition table: invalid partitioning customizations:\n" +
            "unknown or invalid filesystem type (fs_type) for mountpoint \"/data\": ntfs\n" +
            "unsupported filesystem type for \"/boot\": vfat\n" +
            "unsupported filesystem type for \"/boot/efi\": xfs\n" +
            "mountpoint for swap partition must be empty (got \"/swap\")"
        },
        {
            new DiskLayoutRequest { Partitions = [new DiskPartitionRequest { Type = "zfs" }] },
            "unknown disk customization type \"zfs\""
        },
        {
            new DiskLayoutRequest { Type = "gpt", Partitions = [new DiskPartitionRequest { Mountpoint = "/a", FsType = "xfs", PartType = "83", PartUuid = "nope", PartLabel = new string('x', 37) }] },
            "error generating partition table: invalid partitioning customizations:\n" +
            "invalid partition part_type \"83\" for partition table type \"gpt\" (must be a valid UUID): invalid UUID length: 2\n" +
            "invalid partition part_uuid \"nope\" (must be a valid UUID): invalid UUID length: 4\n" +
            "part_label is not a valid GPT label, it is too long"
        },
        {
            new DiskLayoutRequest { Type = "dos", Partitions = [new DiskPartitionRequest { Mountpoint = "/a", FsType = "xfs", PartType = "zz", PartUuid = "11111111-2222-4333-8444-555555555555", PartLabel = "l" }] },
            "error generating partition table: invalid partitioning customizations:\n" +
            "invalid partition part_type \"zz\" for partition table type \"dos\" (must be a 2-digit hex number)\n" +
            "part_type is not supported for dos partition tables\n" +
            "part_label is not supported for dos partition tables"
        },
        {
            new DiskLayoutRequest { Partitions = [new DiskPartitionRequest { Mountpoint = "/a", FsType = "xfs", PartType = "zz" }] },
            "error generating partition table: invalid partitioning customizations:\n" +
            "invalid part_type \"zz\": must be a valid UUID for GPT partition tables or a 2-digit hex number for DOS partition tables"
        },
        {
            new DiskLayoutRequest { Partitions = [new DiskPartitionRequest { Mountpoint = "/a", FsType = "xfs", PartType = "83" }] },
            "error generating partition table: error validating partition type ID for \"/a\": invalid partition part_type \"83\" for partition table type \"gpt\" (must be a valid UUID): invalid UUID length: 2"
        },
        {
            new DiskLayoutRequest { Partitions = [new DiskPartitionRequest { Type = "lvm", Label = "x", Subvolumes = [new("a", "/a")] }] },
            "error generating partition table: invalid partitioning customizations:\nsubvolumes defined for LVM volume group (partition type \"lvm\")"
        },
        {
            new DiskLayoutRequest { Partitions = [new DiskPartitionRequest { Type = "lvm", Label = "x" }] },
            "error generating partition table: invalid partitioning customizations:\nlabel \"x\" defined for LVM volume group (partition type \"lvm\")"
        },
        {
            new DiskLayoutRequest { Partitions = [new DiskPartitionRequest { Type = "lvm", Name = "vg", LogicalVolumes = [new("a", DataSize.GiB, "/a", FsType: "xfs"), new("a", DataSize.GiB, "/b", FsType: "xfs")] }] },
            "error generating partition table: invalid partitioning customizations:\nduplicate LVM logical volume name \"a\" in volume group \"vg\" in partitioning customizations"
        },
        {
            new DiskLayoutRequest { Partitions = [new DiskPartitionRequest { Type = "lvm", LogicalVolumes = [new("b", DataSize.GiB, "/boot", FsType: "xfs")] }] },
            "error generating partition table: invalid partitioning customizations:\ninvalid mountpoint \"/boot\" for logical volume"
        },
        {
            new DiskLayoutRequest { Partitions = [new DiskPartitionRequest { Type = "lvm", LogicalVolumes = [new("b", DataSize.GiB, "/b")] }] },
            "error generating partition table: invalid partitioning customizations:\nunknown or invalid filesystem type (fs_type) for logical volume with mountpoint \"/b\": "
        },
        {
            new DiskLayoutRequest { Partitions = [new DiskPartitionRequest { Type = "lvm", Name = "vg", LogicalVolumes = [new("s", DataSize.GiB, "/s", FsType: "swap")] }] },
            "error generating partition table: invalid partitioning customizations:\nmountpoint for swap logical volume with name \"s\" in volume group \"vg\" must be empty"
        },
        {
            new DiskLayoutRequest { Partitions = [new DiskPartitionRequest { Type = "lvm", LogicalVolumes = [new("b", DataSize.GiB, "b", FsType: "xfs")] }] },
            "error generating partition table: invalid partitioning customizations:\ninvalid logical volume customization: mountpoint \"b\" is not an absolute path"
        },
        {
            new DiskLayoutRequest { Partitions = [new DiskPartitionRequest { Type = "btrfs", Mountpoint = "/x" }] },
            "error generating partition table: invalid partitioning customizations:\n\"mountpoint\" is not supported for btrfs volumes (only subvolumes can have mountpoints)"
        },
        {
            new DiskLayoutRequest { Partitions = [new DiskPartitionRequest { Type = "btrfs" }] },
            "error generating partition table: invalid partitioning customizations:\nbtrfs volume requires subvolumes"
        },
        {
            new DiskLayoutRequest { Partitions = [new DiskPartitionRequest { Type = "btrfs", Subvolumes = [new("a", "/a")], LogicalVolumes = [new("b", DataSize.GiB, "/b")] }] },
            "error generating partition table: invalid partitioning customizations:\nLVM logical volumes defined for btrfs volume (partition type \"btrfs\")"
        },
        {
            new DiskLayoutRequest { Partitions = [new DiskPartitionRequest { Type = "btrfs", Subvolumes = [new(string.Empty, "/a")] }] },
            "error generating partition table: invalid partitioning customizations:\nbtrfs subvolume with empty name in partitioning customizations"
        },
        {
            new DiskLayoutRequest { Partitions = [new DiskPartitionRequest { Type = "btrfs", Subvolumes = [new("a", "/a"), new("a", "/b")] }] },
            "error generating partition table: invalid partitioning customizations:\nduplicate btrfs subvolume name \"a\" in partitioning customizations"
        },
        {
            new DiskLayoutRequest { Partitions = [new DiskPartitionRequest { Type = "btrfs", Subvolumes = [new("efi", "/boot/efi")] }] },
            "error generating partition table: invalid partitioning customizations:\ninvalid mountpoint \"/boot/efi\" for btrfs subvolume"
        },
        {
            new DiskLayoutRequest { Partitions = [new DiskPartitionRequest { Type = "btrfs", Subvolumes = [new("a", "a")] }] },
            "error generating partition table: invalid partitioning customizations:\ninvalid btrfs subvolume customization: mountpoint \"a\" is not an absolute path"
        },
    };
}
