using BootcImageBuilder.Disk;
using BootcImageBuilder.Randomness;

namespace BootcImageBuilder.Tests.Disk;

public class BaseTableLayoutTests
{
    private const ulong SmallContainer = 2 * DataSize.GiB;

    private static PartitionTable Generate(Arch arch, FilesystemType rootfs, ulong containerSize = SmallContainer) =>
        BootcPartitionTables.Generate(new BootcPartitioningRequest(arch, rootfs, containerSize), new SeededRandomSource(1));

    private static (ulong Start, ulong Size)[] Sectors(PartitionTable table) =>
        [.. SfdiskPartitioning.From(table).Partitions.Select(p => (p.Start, p.Size))];

    // Sector numbers of every saved bib x86_64 disk manifest (bootc-bib-testdata, generation B, and the
    // bootc-real-world files of generations A and B): same layout in every generation.
    [Theory]
    [InlineData(FilesystemType.Xfs)]
    [InlineData(FilesystemType.Ext4)]
    public void X86_64_default_layout_matches_upstream_sectors(FilesystemType rootfs)
    {
        var table = Generate(Arch.X86_64, rootfs);

        Assert.Equal([(2048UL, 2048UL), (4096UL, 1026048UL), (1030144UL, 2097152UL), (3127296UL, 17844191UL)], Sectors(table));
        Assert.Equal(10737418240UL, table.Size);
    }

    [Fact]
    public void Aarch64_default_layout_matches_upstream_sectors()
    {
        var table = Generate(Arch.Aarch64, FilesystemType.Xfs);

        Assert.Equal([(2048UL, 1026048UL), (1028096UL, 2097152UL), (3125248UL, 17846239UL)], Sectors(table));
        Assert.Equal(10737418240UL, table.Size);
    }

    [Fact]
    public void Ppc64le_default_layout_has_prep_boot_and_root()
    {
        var table = Generate(Arch.Ppc64le, FilesystemType.Xfs);

        Assert.Equal([(2048UL, 8192UL), (10240UL, 2097152UL), (2107392UL, 18864095UL)], Sectors(table));
        Assert.Equal([PartitionTypes.PrepGuid, PartitionTypes.LinuxDataGuid, PartitionTypes.LinuxDataGuid], table.Partitions.Select(p => p.Type));
        Assert.True(table.Partitions[0].Bootable);
    }

    [Fact]
    public void S390x_default_layout_has_boot_and_root_only()
    {
        var table = Generate(Arch.S390x, FilesystemType.Xfs);

        Assert.Equal([(2048UL, 2097152UL), (2099200UL, 18872287UL)], Sectors(table));
    }

    [Fact]
    public void Riscv64_default_layout_is_like_aarch64()
    {
        var table = Generate(Arch.Riscv64, FilesystemType.Xfs);

        Assert.Equal([(2048UL, 1026048UL), (1028096UL, 2097152UL), (3125248UL, 17846239UL)], Sectors(table));
        Assert.Equal(["/boot/efi", "/boot", "/"], table.Mountables().Select(m => m.Mountpoint));
    }

    [Fact]
    public void Riscv64_btrfs_root_gets_the_riscv64_root_partition_type()
    {
        var table = Generate(Arch.Riscv64, FilesystemType.Btrfs);

        Assert.Equal("72EC70A6-CF74-40E6-BD49-4BDA08E8F224", table.Partitions[^1].Type);
    }

    [Fact]
    public void X86_64_partitions_have_upstream_types_labels_and_fstab_options()
    {
        var table = Generate(Arch.X86_64, FilesystemType.Xfs);

        var bios = table.Partitions[0];
        Assert.True(bios.Bootable);
        Assert.Equal(PartitionTypes.BiosBootGuid, bios.Type);
        Assert.Null(bios.Payload);
        Assert.Equal(
            new Filesystem(FilesystemType.Vfat, "/boot/efi")
            {
                Uuid = ((Filesystem)table.Partitions[1].Payload!).Uuid,
                Label = "EFI-SYSTEM",
                FstabOptions = "umask=0077,shortname=winnt",
                FstabPassNo = 2,
            },
            table.Partitions[1].Payload);
        var boot = (Filesystem)table.Partitions[2].Payload!;
        Assert.Equal((FilesystemType.Xfs, "boot", "ro"), (boot.Type, boot.Label, boot.FstabOptions));
        Assert.Equal(PartitionTypes.LinuxDataGuid, table.Partitions[2].Type);
        var root = (Filesystem)table.Partitions[3].Payload!;
        Assert.Equal((FilesystemType.Xfs, "root", "ro", false), (root.Type, root.Label, root.FstabOptions, root.Mkfs.Verity));
    }

    [Fact]
    public void Ext4_root_gets_verity_but_ext4_boot_does_not()
    {
        var table = Generate(Arch.X86_64, FilesystemType.Ext4);

        Assert.True(table.FindFilesystem("/")!.Mkfs.Verity);
        Assert.False(table.FindFilesystem("/boot")!.Mkfs.Verity);
    }

    [Fact]
    public void Btrfs_root_becomes_a_root_subvolume_with_zstd_compression_on_an_ext4_boot()
    {
        var table = Generate(Arch.X86_64, FilesystemType.Btrfs);

        Assert.Equal(FilesystemType.Ext4, table.FindFilesystem("/boot")!.Type);
        var root = table.Partitions[^1];
        Assert.Equal("4F68BCE3-E8CD-4DB1-96E7-FBCAF984B709", root.Type);
        var volume = Assert.IsType<BtrfsVolume>(root.Payload);
        Assert.Equal("root", volume.Label);
        var subvolume = Assert.Single(volume.Subvolumes);
        Assert.Equal(("root", "/", "zstd:1", true), (subvolume.Name, subvolume.Mountpoint, subvolume.Compress, subvolume.ReadOnly));
        Assert.Equal("subvol=root,compress=zstd:1,ro", subvolume.FstabOptions);
        Assert.Equal([(2048UL, 2048UL), (4096UL, 1026048UL), (1030144UL, 2097152UL), (3127296UL, 17844191UL)], Sectors(table));
    }

    [Fact]
    public void Default_image_size_is_10_GiB_for_a_small_container()
    {
        Assert.Equal(10 * DataSize.GiB, Generate(Arch.X86_64, FilesystemType.Xfs, 100 * DataSize.MiB).Size);
    }

    // A real btrfs bib build (upstream-manifests.md §5.3): a container of 10520887296 bytes (20065 MiB after
    // doubling and rounding) gives a 20065 MiB root request and a 22641901568-byte disk.
    [Fact]
    public void Big_container_grows_the_root_to_twice_its_size_and_the_disk_with_it()
    {
        var table = Generate(Arch.X86_64, FilesystemType.Btrfs, 10519838720);

        Assert.Equal(22641901568UL, table.Size);
        Assert.Equal(3127296UL, SfdiskPartitioning.From(table).Partitions[^1].Start);
    }

    [Fact]
    public void Image_size_option_raises_the_disk_size()
    {
        var request = new BootcPartitioningRequest(Arch.X86_64, FilesystemType.Xfs, SmallContainer) { ImageSize = 20 * DataSize.GiB };

        var table = BootcPartitionTables.Generate(request, new SeededRandomSource(1));

        // The root must hold 20 GiB on its own, so the disk is 20 GiB + the partitions before it + the GPT backup header.
        Assert.Equal((1527UL + (20 * 1024) + 1) * DataSize.MiB, table.Size);
    }

    [Fact]
    public void Truncate_size_is_the_table_size_in_bytes()
    {
        var table = Generate(Arch.Aarch64, FilesystemType.Xfs);

        Assert.Equal(10737418240UL, table.Size);
        Assert.Equal(table.Size, table.BytesToSectors(table.Size) * 512);
    }
}
