using BootcImageBuilder.Data.Defs;
using BootcImageBuilder.Disk;

namespace BootcImageBuilder.Tests.Disk;

/// <summary>The base tables read from the embedded bootc-generic/imagetypes.yaml (upstream-manifests §5.1).</summary>
public sealed class BasePartitionTablesTests
{
    [Fact]
    public void X86_64_has_bios_boot_esp_boot_and_root_typed_by_the_rootfs()
    {
        var expected = new PartitionTable(PartitionTableType.Gpt, [
            new Partition { Size = DataSize.MiB, Bootable = true, Type = PartitionTypes.BiosBootGuid },
            new Partition
            {
                Size = 501 * DataSize.MiB,
                Type = PartitionTypes.EfiSystemGuid,
                Payload = new Filesystem(FilesystemType.Vfat, "/boot/efi")
                {
                    Label = "EFI-SYSTEM",
                    FstabOptions = "umask=0077,shortname=winnt",
                    FstabPassNo = 2,
                },
            },
            new Partition
            {
                Size = DataSize.GiB,
                Type = PartitionTypes.LinuxDataGuid,
                Payload = new Filesystem(FilesystemType.Xfs, "/boot") { Label = "boot", FstabOptions = "ro" },
            },
            new Partition
            {
                Size = 2 * DataSize.GiB,
                Type = PartitionTypes.LinuxDataGuid,
                Payload = new Filesystem(FilesystemType.Xfs, "/") { Label = "root", FstabOptions = "ro" },
            },
        ]);

        Assert.Equal(expected, BasePartitionTables.For(Arch.X86_64, FilesystemType.Xfs));
    }

    [Theory]
    [InlineData(FilesystemType.Ext4, FilesystemType.Ext4)]
    [InlineData(FilesystemType.Xfs, FilesystemType.Xfs)]
    [InlineData(FilesystemType.Btrfs, FilesystemType.Ext4)]
    public void Boot_takes_the_rootfs_type_except_ext4_under_btrfs(FilesystemType rootfs, FilesystemType boot)
    {
        var table = BasePartitionTables.For(Arch.Aarch64, rootfs);

        Assert.Equal(boot, table.FindFilesystem("/boot")!.Type);
        Assert.Equal(rootfs, table.FindFilesystem("/")!.Type);
        Assert.Equal(FilesystemType.Vfat, table.FindFilesystem("/boot/efi")!.Type);
    }

    [Theory]
    [InlineData("x86_64", new[] { PartitionTypes.BiosBootGuid, PartitionTypes.EfiSystemGuid, PartitionTypes.LinuxDataGuid, PartitionTypes.LinuxDataGuid })]
    [InlineData("aarch64", new[] { PartitionTypes.EfiSystemGuid, PartitionTypes.LinuxDataGuid, PartitionTypes.LinuxDataGuid })]
    [InlineData("riscv64", new[] { PartitionTypes.EfiSystemGuid, PartitionTypes.LinuxDataGuid, PartitionTypes.LinuxDataGuid })]
    [InlineData("ppc64le", new[] { PartitionTypes.PrepGuid, PartitionTypes.LinuxDataGuid, PartitionTypes.LinuxDataGuid })]
    [InlineData("s390x", new[] { PartitionTypes.LinuxDataGuid, PartitionTypes.LinuxDataGuid })]
    public void Each_architecture_has_its_partitions_in_order(string arch, string[] types)
    {
        var table = BasePartitionTables.For(Arch.Parse(arch), FilesystemType.Xfs);

        Assert.Equal(PartitionTableType.Gpt, table.Type);
        Assert.Equal(types, table.Partitions.Select(p => p.Type));
    }

    [Fact]
    public void An_architecture_without_a_table_is_an_error()
    {
        var error = Assert.Throws<BibException>(() => BasePartitionTables.For(Arch.Arm, FilesystemType.Xfs));

        Assert.Equal("no partition table defined for architecture arm", error.Message);
    }

    [Fact]
    public void The_table_data_is_embedded_in_the_core_assembly()
    {
        var text = EmbeddedDefs.ReadText(EmbeddedDefs.BootcGenericImageTypesResource);

        Assert.Equal(
            ["aarch64", "ppc64le", "riscv64", "s390x", "x86_64"],
            DefsYaml.ReadImageTypes(text).PartitionTables[BasePartitionTables.DefaultTableName].Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Image_type_data_with_an_unknown_key_is_refused()
    {
        Assert.Throws<YamlDotNet.Core.YamlException>(() => DefsYaml.ReadImageTypes("partition_tables:\n  t:\n    x86_64:\n      typo: gpt\n"));
    }
}
