using System.Globalization;
using BootcImageBuilder.Disk;
using BootcImageBuilder.Osbuild;
using BootcImageBuilder.Randomness;

namespace BootcImageBuilder.Images.Pipelines.Installer;

/// <summary>
/// The pipelines of a payload installer ISO, as images composes them: <c>build</c>, <c>anaconda-tree</c> (the
/// installer root), <c>efiboot-tree</c> (grub2 UEFI files), <c>bootiso-tree</c> (the ISO contents: kernel, initrd,
/// squashfs, boot images, the payload container as OCI, kickstart) and <c>bootiso</c> (the ISO file).
/// x86_64 boots BIOS and UEFI through grub2; aarch64 UEFI only.
/// </summary>
public static class AnacondaIsoPipelines
{
    public const string AnacondaTree = "anaconda-tree";
    public const string EfiBootTree = "efiboot-tree";
    public const string IsoTree = "bootiso-tree";
    public const string Iso = "bootiso";
    public const string IsoFilename = "install.iso";
    public const string PayloadDirectory = "/container";
    private const string EfiBootImage = "images/efiboot.img";
    private const string ElToritoImage = "images/eltorito.img";
    private const long EfiBootImageSize = 20 * 1024 * 1024;
    private const string PxebootDir = "/images/pxeboot";

    /// <summary>Upstream keeps most of <c>/boot</c> and the package databases out of the installer's squashfs.</summary>
    public static IReadOnlyList<string> SquashfsExcludePaths { get; } =
    [
        "boot/efi/.*", "boot/grub2/.*", "boot/config-.*", "boot/initramfs-.*", "boot/loader/.*", "boot/symvers-.*",
        "boot/System.map-.*", "usr/lib/sysimage/rpm/.*", "var/lib/rpm/.*", "var/lib/yum/.*", "var/lib/dnf/.*",
    ];

    /// <summary>The five pipelines and the bytes of the inline files they copy in (the kickstart).</summary>
    public static (IReadOnlyList<Pipeline> Pipelines, IReadOnlyList<byte[]> InlineFiles) Create(AnacondaIsoSpec spec, IRandomSource random)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(random);
        var uefiArchitecture = UefiArchitecture(spec.Arch);
        var kernelOptions = KernelOptions(spec);
        var (isoTree, inline) = IsoTreePipeline(spec, kernelOptions, random);
        var build = spec.Build.Reference;
        return (
            [
                spec.Build,
                new Pipeline(AnacondaTree, AnacondaTreeStages(spec), build),
                new Pipeline(EfiBootTree, [Stage.Of(new Grub2IsoOptions(
                    spec.Product, new IsoKernel(PxebootDir, kernelOptions), spec.Label, [uefiArchitecture],
                    string.IsNullOrEmpty(spec.UefiVendor) ? null : spec.UefiVendor))], build),
                isoTree,
                new Pipeline(Iso, IsoStages(spec), build),
            ],
            [inline]);
    }

    /// <summary><c>inst.stage2</c> and <c>inst.ks</c> on the ISO's label, then the extra options.</summary>
    public static IReadOnlyList<string> KernelOptions(AnacondaIsoSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return [$"inst.stage2=hd:LABEL={spec.Label}", $"inst.ks=hd:LABEL={spec.Label}:{InstallerKickstart.Path}", .. spec.ExtraKernelOptions];
    }

    private static string UefiArchitecture(Arch arch) =>
        arch == Arch.X86_64 ? "X64"
        : arch == Arch.Aarch64 ? "AA64"
        : throw new BibException($"EFIBootTree: unsupported architecture \"{arch.Name}\"");

    private static bool HasBiosBoot(Arch arch) => arch == Arch.X86_64;

    private static List<Stage> AnacondaTreeStages(AnacondaIsoSpec spec)
    {
        var arch = spec.Arch.Name;
        var stages = new List<Stage>(spec.Tree.ContentStages)
        {
            Stage.Of(new BuildstampOptions(arch, spec.Product.Name, spec.Product.Version, Final: true, Variant: string.Empty, Bugurl: string.Empty)),
            Stage.Of(new LocaleOptions("C.UTF-8")),
            Stage.Of(new UsersOptions(OsbuildMap.Of(
                ("install", new UserEntry(Uid: 0, Gid: 0, Home: spec.Tree.InstallerHome, Shell: "/usr/libexec/anaconda/run-anaconda", Password: string.Empty)),
                ("root", new UserEntry(Password: string.Empty))))),
            Stage.Of(new AnacondaOptions(spec.ActivatableModules)),
            LoraxStage(spec.Lorax.PostInstall, arch),
            Stage.Of(DracutOptions(spec)),
            LoraxStage(spec.Lorax.Cleanup, arch),
            Stage.Of(new SelinuxConfigOptions("permissive")),
        };
        return stages;
    }

    private static Stage LoraxStage(string path, string arch) =>
        Stage.Of(new LoraxScriptOptions(path, arch, new IsoProduct(string.Empty, string.Empty), new LoraxBranding(string.Empty, string.Empty)));

    /// <summary>Lorax's boot.iso dracut call: generic initramfs plus the modules booting the ISO and running Anaconda need.</summary>
    private static DracutOptions DracutOptions(AnacondaIsoSpec spec)
    {
        List<string> modules = ["pollcdrom", "qemu", "qemu-net"];
        if (HasBiosBoot(spec.Arch))
        {
            modules.Add("biosdevname");
        }

        modules.AddRange(["fips", "anaconda", "prefixdevname-tools"]);
        List<string> extra = ["--xz"];
        if (spec.Tree.ExplicitInitramfsPath)
        {
            extra.Add(spec.Tree.InitramfsPath);
        }

        extra.AddRange(["--nomdadmconf", "--nolvmconf"]);
        return new DracutOptions([spec.Tree.KernelVersion], modules, ["./buildstamp"], extra);
    }

    private static (Pipeline Pipeline, byte[] Inline) IsoTreePipeline(AnacondaIsoSpec spec, IReadOnlyList<string> kernelOptions, IRandomSource random)
    {
        var anacondaTree = KeyValuePair.Create<string, StageInput>("tree", TreeInput.OfPipeline(AnacondaTree));
        var stages = new List<Stage>
        {
            Stage.Of(new MkdirOptions([new MkdirPath("/images"), new MkdirPath(PxebootDir)])),
            Stage.Of(
                new CopyOptions([
                    new CopyPath($"input://tree/{spec.Tree.KernelPath}", $"tree://{PxebootDir}/vmlinuz"),
                    new CopyPath($"input://tree/{spec.Tree.InitramfsPath}", $"tree://{PxebootDir}/initrd.img"),
                ]),
                inputs: [anacondaTree]),
            Stage.Of(new SquashfsOptions("images/install.img", Source: null, SquashfsExcludePaths, new SquashfsCompression("zstd")), inputs: [anacondaTree]),
        };

        if (HasBiosBoot(spec.Arch))
        {
            stages.Add(Stage.Of(new Grub2IsoLegacyOptions(spec.Product, new IsoKernel(PxebootDir, kernelOptions), spec.Label)));
            stages.Add(Stage.Of(Grub2InstOptions.Iso9660(ElToritoImage, "/boot/grub2")));
        }

        stages.AddRange(EfiBootImageStages(random));
        stages.Add(Stage.Of(new MkdirOptions([new MkdirPath(PayloadDirectory)])));
        stages.Add(Stage.Of(
            new SkopeoOptions(new SkopeoDestination("oci", PayloadDirectory), RemoveSignatures: true),
            inputs: [KeyValuePair.Create<string, StageInput>("images", ContainersInput.FromLocalStorage(spec.PayloadImageId, spec.PayloadName))]));
        var (kickstartStages, inline) = spec.Kickstart.Stages(PayloadDirectory, spec.PayloadName, spec.InstallRootfsType);
        stages.AddRange(kickstartStages);
        stages.Add(Stage.Of(new DiscinfoOptions(spec.Arch.Name, string.Empty)));
        return (new Pipeline(IsoTree, stages, spec.Build.Reference), inline);
    }

    /// <summary>A 20 MiB FAT image holding the <c>efiboot-tree</c>, and its <c>EFI</c> directory copied to the ISO root too.</summary>
    private static IEnumerable<Stage> EfiBootImageStages(IRandomSource random)
    {
        var volid = UuidAssignment.NewVolumeId(random).Replace("-", string.Empty, StringComparison.Ordinal);
        var sectors = EfiBootImageSize / 512;
        var efibootTree = KeyValuePair.Create<string, StageInput>("root-tree", TreeInput.OfPipeline(EfiBootTree));
        yield return Stage.Of(new TruncateOptions(EfiBootImage, EfiBootImageSize.ToString(CultureInfo.InvariantCulture)));
        yield return Stage.Of(
            new MkfsFatOptions(volid),
            devices: [KeyValuePair.Create("device", Device.Loopback(new LoopbackDeviceOptions(EfiBootImage, Size: sectors, Lock: true)))]);
        yield return Stage.Of(
            new CopyOptions([new CopyPath("input://root-tree/", "mount://-/")]),
            inputs: [efibootTree],
            devices: [KeyValuePair.Create("-", Device.Loopback(new LoopbackDeviceOptions(EfiBootImage, Size: sectors)))],
            mounts: [Mount.Fat("-", "-", "/")]);
        yield return Stage.Of(new CopyOptions([new CopyPath("input://root-tree/EFI", "tree:///")]), inputs: [efibootTree]);
    }

    private static List<Stage> IsoStages(AnacondaIsoSpec spec)
    {
        var bios = HasBiosBoot(spec.Arch);
        return
        [
            Stage.Of(
                new XorrisofsOptions(
                    IsoFilename,
                    spec.Label,
                    "LINUX",
                    bios ? new XorrisofsBoot(ElToritoImage, "boot.cat") : null,
                    EfiBootImage,
                    3,
                    bios ? "/usr/lib/grub/i386-pc/boot_hybrid.img" : null),
                inputs: [KeyValuePair.Create<string, StageInput>("tree", TreeInput.OfPipeline(IsoTree))]),
            Stage.Of(new Implantisomd5Options(IsoFilename)),
        ];
    }
}
