using BootcImageBuilder.Disk;
using BootcImageBuilder.Randomness;

namespace BootcImageBuilder.Tests.Disk;

public class FilesystemCustomizationTests
{
    private static PartitionTable Generate(FilesystemType rootfs, params FilesystemRequest[] filesystems) =>
        BootcPartitionTables.Generate(
            new BootcPartitioningRequest(Arch.X86_64, rootfs, DataSize.GiB) { Filesystems = filesystems },
            new SeededRandomSource(7));

    private static string Refusal(FilesystemType rootfs, params string[] mountpoints) =>
        Assert.Throws<BibException>(() => Generate(rootfs, [.. mountpoints.Select(m => new FilesystemRequest(m, DataSize.GiB))])).Message;

    [Fact]
    public void New_var_mountpoint_becomes_a_data_partition_before_root()
    {
        var table = Generate(FilesystemType.Xfs, new FilesystemRequest("/var/log", 3 * DataSize.GiB));

        Assert.Equal(["/boot/efi", "/boot", "/var/log", "/"], table.Mountables().Select(m => m.Mountpoint));
        var partition = table.Partitions[3];
        Assert.Equal((1527 * DataSize.MiB, 3 * DataSize.GiB, PartitionTypes.LinuxDataGuid), (partition.Start, partition.Size, partition.Type));
        var fs = (Filesystem)partition.Payload!;
        Assert.Equal((FilesystemType.Xfs, "defaults", (string?)null), (fs.Type, fs.FstabOptions, fs.Label));
    }

    [Fact]
    public void Small_sizes_are_raised_to_1_GiB_and_boot_to_500_MiB()
    {
        var table = Generate(FilesystemType.Xfs, new FilesystemRequest("/var/log", 1), new FilesystemRequest("/boot", 1));

        Assert.Equal(DataSize.GiB, table.Partitions[3].Size);
        Assert.Equal(DataSize.GiB, table.Partitions[2].Size); // /boot keeps its 1 GiB base size
    }

    [Fact]
    public void Boot_grows_to_the_requested_size_rounded_up_to_1_MiB()
    {
        var table = Generate(FilesystemType.Xfs, new FilesystemRequest("/boot", (2 * DataSize.GiB) + 1));

        Assert.Equal((2 * DataSize.GiB) + DataSize.MiB, table.Partitions[2].Size);
    }

    [Fact]
    public void Root_request_bigger_than_the_default_disk_grows_the_disk()
    {
        var table = Generate(FilesystemType.Xfs, new FilesystemRequest("/", 15 * DataSize.GiB));

        Assert.Equal((1527UL + (15 * 1024) + 1) * DataSize.MiB, table.Size);
    }

    [Fact]
    public void Disallowed_mountpoints_are_all_listed_in_one_error()
    {
        Assert.Equal(
            "the following errors occurred while validating custom mountpoints:\n" +
            "path \"/opt\" is not allowed\n" +
            "path \"/var\" is not allowed\n" +
            "path \"/var/home/x\" is not allowed\n" +
            "path \"/boot/efi\" is not allowed",
            Refusal(FilesystemType.Xfs, "/opt", "/var", "/var/home/x", "/boot/efi"));
    }

    [Theory]
    [InlineData("/var/lock")]
    [InlineData("/var/mail")]
    [InlineData("/var/mnt")]
    [InlineData("/var/roothome")]
    [InlineData("/var/run")]
    [InlineData("/var/srv")]
    [InlineData("/var/usrlocal")]
    [InlineData("/usr")]
    public void Os_owned_directories_are_refused(string mountpoint)
    {
        Assert.Equal(
            $"the following errors occurred while validating custom mountpoints:\npath \"{mountpoint}\" is not allowed",
            Refusal(FilesystemType.Xfs, mountpoint));
    }

    [Fact]
    public void Relative_and_unclean_paths_are_refused_with_their_own_messages()
    {
        Assert.Equal(
            "the following errors occurred while validating custom mountpoints:\n" +
            "path \"var/log\" must be absolute\n" +
            "path \"/var//log\" must be canonical",
            Refusal(FilesystemType.Xfs, "var/log", "/var//log"));
    }

    [Fact]
    public void Btrfs_root_allows_only_root_and_boot()
    {
        Assert.Equal(
            "the following errors occurred while validating custom mountpoints:\npath \"/var/log\" is not allowed",
            Refusal(FilesystemType.Btrfs, "/var/log"));
    }

    [Fact]
    public void Btrfs_root_size_request_grows_the_root_subvolume()
    {
        var table = Generate(FilesystemType.Btrfs, new FilesystemRequest("/", 12 * DataSize.GiB), new FilesystemRequest("/boot", 2 * DataSize.GiB));

        var volume = (BtrfsVolume)table.Partitions[^1].Payload!;
        Assert.Equal(12 * DataSize.GiB, volume.Subvolumes[0].Size);
        Assert.Equal(2 * DataSize.GiB, table.Partitions[2].Size);
        Assert.Equal((1 + 1 + 501 + 2048 + (12 * 1024) + 1) * DataSize.MiB, table.Size);
    }

    [Fact]
    public void Filesystem_and_disk_customizations_together_are_refused()
    {
        var request = new BootcPartitioningRequest(Arch.X86_64, FilesystemType.Xfs, DataSize.GiB)
        {
            Filesystems = [new FilesystemRequest("/", DataSize.GiB)],
            Disk = new DiskLayoutRequest(),
        };

        Assert.Equal("cannot combine disk and filesystem customizations", Assert.Throws<BibException>(() => BootcPartitionTables.Generate(request, new SeededRandomSource(1))).Message);
    }

    [Fact]
    public void Uuids_are_drawn_in_tree_order_table_first_then_payloads_then_partitions()
    {
        var table = Generate(FilesystemType.Xfs);

        var expected = new SeededRandomSource(7);
        var tableUuid = expected.NewUuid();
        Span<byte> volid = stackalloc byte[4];
        expected.NextBytes(volid);
        var bootUuid = expected.NewUuid();
        var rootUuid = expected.NewUuid();
        string[] partitionUuids = [expected.NewUuid(), expected.NewUuid(), expected.NewUuid(), expected.NewUuid()];

        Assert.Equal(tableUuid, table.Uuid);
        Assert.Equal($"{Convert.ToHexString(volid)[..4]}-{Convert.ToHexString(volid)[4..]}", table.FindFilesystem("/boot/efi")!.Uuid);
        Assert.Equal(bootUuid, table.FindFilesystem("/boot")!.Uuid);
        Assert.Equal(rootUuid, table.FindFilesystem("/")!.Uuid);
        Assert.Equal(partitionUuids, table.Partitions.Select(p => p.Uuid));
    }

    [Fact]
    public void Container_base_table_with_lvm_is_refused_in_raw_mode()
    {
        var baseTable = new PartitionTable(PartitionTableType.Gpt,
        [
            new Partition { Size = DataSize.GiB, Payload = new Filesystem(FilesystemType.Xfs, "/boot") },
            new Partition { Size = DataSize.GiB, Payload = new LvmVolumeGroup("vg", [new LogicalVolume("rootlv", DataSize.GiB, new Filesystem(FilesystemType.Xfs, "/"))]) },
        ]);
        var request = new BootcPartitioningRequest(Arch.X86_64, FilesystemType.Xfs, DataSize.GiB) { BaseTable = baseTable };

        Assert.Equal(
            "raw partitioning mode set for a base partition table with LVM, this is unsupported",
            Assert.Throws<BibException>(() => BootcPartitionTables.Generate(request, new SeededRandomSource(1))).Message);
    }
}
