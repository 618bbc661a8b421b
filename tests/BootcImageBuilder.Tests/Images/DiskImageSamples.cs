using BootcImageBuilder.Blueprint;
using BootcImageBuilder.Containers;
using BootcImageBuilder.Images.Kinds;

namespace BootcImageBuilder.Tests.Images;

/// <summary>Containers and customizations the disk image tests build from.</summary>
public static class DiskImageSamples
{
    public const string ImageRef = "quay.io/centos-bootc/centos-bootc:stream9";
    public const string ImageId = "d84eacd1acb5a4b5fe43fd494dec79a0c0d732a02af7a8244b1c1ed0cea042cf";
    public const string CryptedPassword = "$6$abcdefghijklmnop$0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefghijklmnopq";

    public static BootcInfo Container(Arch arch, string rootfs = "xfs", ulong size = 1UL << 30) => new(
        ImageRef,
        ImageId,
        arch,
        rootfs,
        size,
        new OsInfo
        {
            OsRelease = new OsRelease("centos", "9", "CentOS Stream"),
            UefiVendor = arch == Arch.X86_64 || arch == Arch.Aarch64 || arch == Arch.Riscv64 ? "centos" : null,
            SelinuxPolicy = "targeted",
        });

    public static BootcDiskImageInput Request(Arch arch, string rootfs = "xfs", Customizations? customizations = null) =>
        new(Container(arch, rootfs)) { Customizations = customizations };

    public static Customizations UsersGroupsKernel => new()
    {
        Kernel = new KernelCustomization { Append = "quiet loglevel=3" },
        User =
        [
            new UserCustomization { Name = "root", Key = "ssh-ed25519 AAAA root@example" },
            new UserCustomization { Name = "alice", Password = CryptedPassword, Groups = ["wheel"], Uid = 1001, Home = "/var/home/alice/" },
        ],
        Group = [new GroupCustomization { Name = "devs", Gid = 2000 }],
    };

    public static Customizations Filesystems(string rootfs) => new()
    {
        Filesystem = rootfs == "btrfs"
            ? [Fs("/", 5UL << 30), Fs("/boot", 1UL << 30)]
            : [Fs("/", 5UL << 30), Fs("/var/log", 2UL << 30), Fs("/var/data", 1UL << 30)],
    };

    public static Customizations PlainDisk => new()
    {
        Disk = new DiskCustomization
        {
            Partitions =
            [
                new PartitionCustomization { MinSize = 1UL << 30, Mountpoint = "/boot", FsType = "ext4" },
                new PartitionCustomization { MinSize = 4UL << 30, Mountpoint = "/", FsType = "xfs" },
                new PartitionCustomization { MinSize = 1UL << 30, Mountpoint = "/var/data", FsType = "ext4", Label = "data" },
            ],
        },
    };

    public static Customizations LvmDisk => new()
    {
        Disk = new DiskCustomization
        {
            Partitions =
            [
                new PartitionCustomization
                {
                    Type = PartitionKind.Lvm,
                    MinSize = 8UL << 30,
                    LogicalVolumes =
                    [
                        new LogicalVolumeCustomization { MinSize = 4UL << 30, Mountpoint = "/", FsType = "xfs" },
                        new LogicalVolumeCustomization { MinSize = 1UL << 30, Mountpoint = "/var/log", FsType = "xfs", Name = "loglv" },
                        new LogicalVolumeCustomization { MinSize = 1UL << 30, FsType = "swap", Name = "swaplv" },
                    ],
                },
            ],
        },
    };

    public static Customizations BtrfsDisk => new()
    {
        Disk = new DiskCustomization
        {
            Partitions =
            [
                new PartitionCustomization
                {
                    Type = PartitionKind.Btrfs,
                    MinSize = 6UL << 30,
                    Subvolumes =
                    [
                        new BtrfsSubvolumeCustomization { Name = "root", Mountpoint = "/" },
                        new BtrfsSubvolumeCustomization { Name = "data", Mountpoint = "/var/data" },
                    ],
                },
            ],
        },
    };

    public static Customizations SwapDisk => new()
    {
        Disk = new DiskCustomization
        {
            Partitions =
            [
                new PartitionCustomization { MinSize = 4UL << 30, Mountpoint = "/", FsType = "xfs" },
                new PartitionCustomization { MinSize = 1UL << 30, FsType = "swap" },
            ],
        },
    };

    public static Customizations DosDisk => new()
    {
        Disk = new DiskCustomization
        {
            Type = BootcImageBuilder.Blueprint.PartitionTableType.Dos,
            Partitions =
            [
                new PartitionCustomization { MinSize = 4UL << 30, Mountpoint = "/", FsType = "ext4" },
                new PartitionCustomization { MinSize = 1UL << 30, FsType = "swap" },
            ],
        },
    };

    public static Customizations FilesDirectoriesIgnition => new()
    {
        Directories =
        [
            new DirectoryCustomization { Path = "/etc/myapp", Mode = "0750", User = OwnerId.ByName("root"), Group = OwnerId.ById(10), EnsureParents = true },
            new DirectoryCustomization { Path = "/etc/plain" },
        ],
        Files =
        [
            new FileCustomization { Path = "/etc/myapp/config.ini", Data = "[main]\nkey=value\n", Mode = "0640" },
            new FileCustomization { Path = "/usr/local/bin/hello", Data = "#!/bin/sh\necho hello\n", Mode = "755", User = OwnerId.ById(0) },
        ],
        Ignition = new IgnitionCustomization { FirstBoot = new FirstBootIgnitionCustomization { Url = "https://example.com/a.ign https://example.com/b.ign" } },
    };

    /// <summary>Named customization sets for the matrix; the filesystem one depends on the root filesystem type.</summary>
    public static IEnumerable<(string Name, Customizations? Customizations)> All(string rootfs) =>
    [
        ("none", null),
        ("users-groups-kernel", UsersGroupsKernel),
        ("filesystems", Filesystems(rootfs)),
        ("disk-plain", PlainDisk),
        ("disk-lvm", LvmDisk),
        ("disk-btrfs", BtrfsDisk),
        ("disk-swap", SwapDisk),
        ("disk-dos", DosDisk),
        ("files-directories-ignition", FilesDirectoriesIgnition),
    ];

    private static FilesystemCustomization Fs(string mountpoint, ulong size) => new() { Mountpoint = mountpoint, MinSize = size };
}
