using BootcImageBuilder.Blueprint;
using BootcImageBuilder.Images.Kinds;
using BootcImageBuilder.Randomness;

namespace BootcImageBuilder.Tests.Images;

/// <summary>Customizations upstream refuses are refused with upstream's texts.</summary>
public class BootcDiskCustomizationErrorTests
{
    private const ulong GiB = 1UL << 30;

    private static string Refusal(Customizations customizations, string rootfs = "xfs", Arch? arch = null) =>
        Assert.Throws<BibException>(() => BootcDiskImage.Generate(
            DiskImageSamples.Request(arch ?? Arch.X86_64, rootfs, customizations), new SeededRandomSource(1))).Message;

    private static FilesystemCustomization Fs(string mountpoint) => new() { Mountpoint = mountpoint, MinSize = GiB };

    [Fact]
    public void Filesystem_and_disk_customizations_together_are_refused()
    {
        Assert.Equal(
            "cannot combine disk and filesystem customizations",
            Refusal(new Customizations { Filesystem = [Fs("/")], Disk = DiskImageSamples.PlainDisk.Disk }));
    }

    [Fact]
    public void A_filesystem_on_ostree_is_refused()
    {
        Assert.Equal(
            "the following errors occurred while validating custom mountpoints:\npath \"/ostree\" is not allowed",
            Refusal(new Customizations { Filesystem = [Fs("/"), Fs("/ostree")] }));
    }

    [Fact]
    public void A_filesystem_on_var_itself_is_refused()
    {
        Assert.Equal(
            "the following errors occurred while validating custom mountpoints:\npath \"/var\" is not allowed",
            Refusal(new Customizations { Filesystem = [Fs("/"), Fs("/var")] }));
    }

    [Fact]
    public void Extra_mountpoints_with_a_btrfs_root_are_refused()
    {
        Assert.Equal(
            "the following errors occurred while validating custom mountpoints:\npath \"/var/data\" is not allowed",
            Refusal(new Customizations { Filesystem = [Fs("/"), Fs("/var/data")] }, rootfs: "btrfs"));
    }

    [Fact]
    public void A_dos_disk_with_more_than_four_partitions_is_refused()
    {
        var partitions = new[] { "/", "/var/a", "/var/b", "/var/c", "/var/d" }
            .Select(m => new PartitionCustomization { Mountpoint = m, FsType = "xfs", MinSize = GiB })
            .ToList();
        Assert.Equal(
            "error reading disk customizations: invalid partitioning customizations: \"dos\" partition table type only supports up to 4 partitions: got 5",
            Refusal(new Customizations { Disk = new DiskCustomization { Type = BootcImageBuilder.Blueprint.PartitionTableType.Dos, Partitions = partitions } }));
    }

    [Fact]
    public void A_dos_disk_that_needs_more_than_four_partitions_after_adding_boot_partitions_is_refused()
    {
        var partitions = new[] { "/", "/var/a", "/var/b" }
            .Select(m => new PartitionCustomization { Mountpoint = m, FsType = "xfs", MinSize = GiB })
            .ToList();
        Assert.Equal(
            "error generating partition table: invalid partition table: \"dos\" partition table type only supports up to 4 partitions: got 5 after creating the partition table with all necessary partitions",
            Refusal(new Customizations { Disk = new DiskCustomization { Type = BootcImageBuilder.Blueprint.PartitionTableType.Dos, Partitions = partitions } }));
    }

    [Fact]
    public void Lvm_and_btrfs_together_are_refused()
    {
        var disk = new DiskCustomization { Partitions = [.. DiskImageSamples.LvmDisk.Disk!.Partitions, .. DiskImageSamples.BtrfsDisk.Disk!.Partitions] };
        Assert.StartsWith("error reading disk customizations: invalid partitioning customizations:", Refusal(new Customizations { Disk = disk }));
    }

    [Fact]
    public void A_missing_root_filesystem_type_is_refused()
    {
        var request = DiskImageSamples.Request(Arch.X86_64) with { Source = DiskImageSamples.Container(Arch.X86_64) with { DefaultRootFs = null } };
        Assert.Equal(
            "failed to initialize bootc distro: missing required info: DefaultRootFs",
            Assert.Throws<BibException>(() => BootcDiskImage.Generate(request, new SeededRandomSource(1))).Message);
    }

    [Fact]
    public void An_unknown_rootfs_override_is_refused()
    {
        var request = DiskImageSamples.Request(Arch.X86_64) with { Source = DiskImageSamples.Container(Arch.X86_64) with { DefaultRootFs = "zfs" } };
        Assert.Equal(
            "failed to set default rootfs for bootc distro: unknown or unsupported filesystem type name: zfs",
            Assert.Throws<BibException>(() => BootcDiskImage.Generate(request, new SeededRandomSource(1))).Message);
    }

    [Fact]
    public void Duplicate_groups_are_refused()
    {
        Assert.Equal(
            "invalid group customizations:\nduplicate group name: devs\nduplicate group ID: 7",
            Refusal(new Customizations { Group = [new GroupCustomization { Name = "devs", Gid = 7 }, new GroupCustomization { Name = "devs", Gid = 7 }] }));
    }

    [Fact]
    public void Ignition_url_and_empty_together_are_refused()
    {
        Assert.Equal(
            "ignition.firstboot.url is mutually exclusive with ignition.firstboot.empty",
            Refusal(new Customizations { Ignition = new IgnitionCustomization { FirstBoot = new FirstBootIgnitionCustomization { Url = "http://x/", Empty = true } } }));
    }

    [Fact]
    public void A_custom_directory_outside_etc_is_refused()
    {
        Assert.Equal(
            "the following custom directories are not allowed: [\"/usr/share/x\"]",
            Refusal(new Customizations { Directories = [new DirectoryCustomization { Path = "/usr/share/x" }] }));
    }

    [Fact]
    public void A_custom_file_over_etc_passwd_is_refused()
    {
        Assert.Equal(
            "the following custom files are not allowed: [\"/etc/passwd\"]",
            Refusal(new Customizations { Files = [new FileCustomization { Path = "/etc/passwd", Data = "x" }] }));
    }

    [Fact]
    public void A_path_given_as_directory_and_file_is_refused()
    {
        Assert.Equal(
            "duplicate files / directory customization paths: [/etc/x]",
            Refusal(new Customizations
            {
                Directories = [new DirectoryCustomization { Path = "/etc/x" }],
                Files = [new FileCustomization { Path = "/etc/x", Data = "x" }],
            }));
    }

    [Fact]
    public void A_file_that_would_be_a_parent_directory_is_refused()
    {
        Assert.Equal(
            "the following filesystem nodes are parents of another node and are not directories: [/etc/x/y]",
            Refusal(new Customizations
            {
                Files = [new FileCustomization { Path = "/etc/x", Data = "x" }, new FileCustomization { Path = "/etc/x/y", Data = "y" }],
            }));
    }

    [Fact]
    public void A_disk_without_an_esp_is_refused_when_the_container_boots_with_uefi()
    {
        var table = "partition_table:\n  type: gpt\n  partitions:\n    - size: 2 GiB\n      type: 0FC63DAF-8483-4772-8E79-3D69D8477DE4\n      payload_type: filesystem\n      payload:\n        type: xfs\n        mountpoint: /\n";
        var source = DiskImageSamples.Container(Arch.X86_64);
        var request = new BootcDiskImageInput(source with
        {
            OsInfo = source.OsInfo with { DiskYaml = new global::BootcImageBuilder.Containers.EmbeddedFile("/usr/lib/bootc-image-builder/disk.yaml", table) },
        });
        Assert.Equal(
            "required mounts for bootupd stage [/boot/efi] missing",
            Assert.Throws<BibException>(() => BootcDiskImage.Generate(request, new SeededRandomSource(1))).Message);
    }
}
