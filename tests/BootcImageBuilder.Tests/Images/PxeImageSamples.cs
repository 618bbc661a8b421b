using BootcImageBuilder.Blueprint;
using BootcImageBuilder.Containers;
using BootcImageBuilder.Images.Kinds.Pxe;

namespace BootcImageBuilder.Tests.Images;

/// <summary>Containers and customizations the PXE image tests build from: the disk samples plus a kernel and a live-capable initrd.</summary>
public static class PxeImageSamples
{
    public const string KernelVersion = "5.14.0-611.el9.x86_64";

    public static readonly IReadOnlyList<string> LiveInitrdModules = ["bash", "systemd", "ostree", "dmsquash-live", "livenet", "qemu"];

    public static BootcInfo Container(Arch arch, IReadOnlyList<string>? initrdModules = null, string rootfs = "xfs")
    {
        var container = DiskImageSamples.Container(arch, rootfs);
        return container with
        {
            OsInfo = container.OsInfo with
            {
                Kernel = new KernelInfo(KernelVersion, HasAbootImg: false),
                InitrdModules = initrdModules ?? LiveInitrdModules,
            },
        };
    }

    public static BootcPxeImageInput Request(Arch arch, Customizations? customizations = null, string rootfs = "xfs") =>
        new(Container(arch, rootfs: rootfs)) { Customizations = customizations };

    /// <summary>Everything the PXE type supports: users, groups, directories, files and kernel arguments.</summary>
    public static Customizations Supported => new()
    {
        Kernel = new KernelCustomization { Append = "quiet loglevel=3" },
        User = [new UserCustomization { Name = "alice", Password = DiskImageSamples.CryptedPassword, Groups = ["wheel"] }],
        Group = [new GroupCustomization { Name = "devs", Gid = 2000 }],
        Directories = [new DirectoryCustomization { Path = "/etc/myapp", Mode = "0750" }],
        Files = [new FileCustomization { Path = "/etc/myapp/config.ini", Data = "[main]\nkey=value\n" }],
    };
}
