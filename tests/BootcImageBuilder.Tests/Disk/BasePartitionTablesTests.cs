using BootcImageBuilder.Disk;
using BootcImageBuilder.Distro.Defs;

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

        foreach (var arch in (Arch[])[Arch.Aarch64, Arch.Ppc64le, Arch.Riscv64, Arch.S390x, Arch.X86_64])
        {
            Assert.NotEmpty(BasePartitionTables.Read(text, BasePartitionTables.DefaultTableName, arch, FilesystemType.Xfs).Partitions);
        }
    }

    [Fact]
    public void Image_type_data_with_an_unknown_key_is_refused()
    {
        Assert.Throws<YamlDotNet.Core.YamlException>(() => DefsYaml.ReadImageTypes("image_types:\n  raw:\n    typo: disk\n"));
    }

    [Fact]
    public void A_base_table_with_an_unknown_key_is_refused()
    {
        var error = Assert.Throws<BibException>(
            () => BasePartitionTables.Read("partition_tables:\n  t:\n    x86_64:\n      typo: gpt\n", "t", Arch.X86_64, FilesystemType.Xfs));

        Assert.Equal("unknown field \"typo\" in partition_table", error.Message);
    }
}
