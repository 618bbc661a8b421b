using BootcImageBuilder.Disk;

namespace BootcImageBuilder.Tests.Disk;

public sealed class BasePartitionTableYamlTests
{
    private static PartitionTable Map(string partitionsYaml, FilesystemType rootfs = FilesystemType.Xfs) =>
        BasePartitionTables.Read($"partition_tables:\n  t:\n    x86_64:\n{partitionsYaml}", "t", Arch.X86_64, rootfs);

    [Fact]
    public void Sizes_type_and_partition_fields_are_read()
    {
        var table = Map("      type: dos\n      size: \"20 GiB\"\n      partitions:\n        - size: 1048576\n          type: \"83\"\n          bootable: true\n          label: data\n");

        Assert.Equal(PartitionTableType.Dos, table.Type);
        Assert.Equal(20 * DataSize.GiB, table.Size);
        Assert.Equal(new Partition { Size = DataSize.MiB, Type = "83", Bootable = true, Label = "data" }, Assert.Single(table.Partitions));
    }

    [Fact]
    public void A_typed_filesystem_keeps_its_type_and_fstab_fields()
    {
        var table = Map(
            "      partitions:\n        - payload_type: filesystem\n          payload: {type: ext4, mountpoint: /var, label: var, fstab_options: defaults, fstab_freq: 1, fstab_passno: 2}\n",
            FilesystemType.Btrfs);

        Assert.Equal(
            new Filesystem(FilesystemType.Ext4, "/var") { Label = "var", FstabOptions = "defaults", FstabFreq = 1, FstabPassNo = 2 },
            table.Partitions[0].Payload);
    }

    [Theory]
    [InlineData("/var", FilesystemType.Btrfs, FilesystemType.Btrfs)]
    [InlineData("/boot", FilesystemType.Btrfs, FilesystemType.Ext4)]
    [InlineData("/boot", FilesystemType.Xfs, FilesystemType.Xfs)]
    public void An_untyped_filesystem_takes_the_rootfs_type_but_boot_avoids_btrfs(string mountpoint, FilesystemType rootfs, FilesystemType expected)
    {
        var table = Map($"      partitions:\n        - payload_type: filesystem\n          payload: {{mountpoint: {mountpoint}}}\n", rootfs);

        Assert.Equal(expected, Assert.IsType<Filesystem>(table.Partitions[0].Payload).Type);
    }

    [Fact]
    public void An_unknown_payload_type_is_refused()
    {
        var error = Assert.Throws<BibException>(() => Map("      partitions:\n        - payload_type: zfs\n"));

        Assert.Equal("unknown or unsupported payload type \"zfs\"", error.Message);
    }
}
