using System.Text;
using BootcImageBuilder.Blueprint;
using BootcImageBuilder.Disk;
using BootcImageBuilder.Osbuild;

namespace BootcImageBuilder.Images.Pipelines.Pxe;

/// <summary>
/// The <c>bootc-pxe-tree</c> pipeline: copies the installed disk file from <c>image</c>, packs its physical root into
/// a squashfs <c>rootfs.img</c>, takes <c>EFI/</c> from the ESP and kernel and initramfs from the deployment, adds
/// the grub.cfg template and README, points grub.cfg at the deployment (<c>ostree=…</c>) and makes every file readable.
/// </summary>
public static class PxeTreePipeline
{
    public const string RootfsImage = "rootfs.img";
    public const string GrubConfigFile = "grub.cfg";

    private const string ImageInput = "tree";
    private const string PhysicalRoot = "mount://-/";

    /// <summary>The files of the tree, each with the mode it ends up with (the EFI tree recursively readable).</summary>
    public static IReadOnlyDictionary<string, ChmodItem> FileModes { get; } = new Dictionary<string, ChmodItem>(StringComparer.Ordinal)
    {
        ["/EFI"] = new("ugo+Xr", Recursive: true),
        ["/vmlinuz"] = new("0755"),
        ["/initrd.img"] = new("0644"),
        ["/" + RootfsImage] = new("0644"),
        ["/" + GrubConfigFile] = new("0644"),
        ["/README"] = new("0644"),
    };

    /// <summary>The paths to archive, relative and sorted (upstream sorts them since images v0.269; before, Go's map order).</summary>
    public static IReadOnlyList<string> ArchivePaths { get; } =
        [.. FileModes.Keys.Order(StringComparer.Ordinal).Select(p => p.TrimStart('/'))];

    /// <param name="table">The partition table of the disk file.</param>
    /// <param name="rawFileName">The disk file of the <c>image</c> pipeline.</param>
    /// <param name="arch">The architecture, which picks the squashfs xz filter.</param>
    /// <param name="kernelVersion">The container's kernel (<c>usr/lib/modules/&lt;version&gt;</c>).</param>
    /// <param name="uefiVendor">The container's UEFI vendor; with one, the ESP must be mounted.</param>
    /// <param name="grubConfig">The grub menu, kernel arguments filled in.</param>
    public static Pipeline Create(PartitionTable table, string rawFileName, Arch arch, string kernelVersion, string? uefiVendor, string grubConfig)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(arch);
        var mounts = DeploymentMounts.For(table, rawFileName, uefiVendor);
        var withDeployment = mounts.WithDeployment;
        Stage[] stages =
        [
            Stage.Of(
                new CopyOptions([new CopyPath($"input://{ImageInput}/{rawFileName}", "tree:///")]),
                inputs: [KeyValuePair.Create<string, StageInput>(ImageInput, TreeInput.OfPipeline(BootcDiskPipelines.Image))]),

            // The physical root (ostree repository and deployments), not the deployment: dmsquash-live boots it.
            Stage.Of(
                new SquashfsOptions(RootfsImage, PhysicalRoot, null, SquashfsCompression.XzFor(arch)),
                devices: mounts.Devices,
                mounts: mounts.Mounts),
            Stage.Of(
                new CopyOptions([new CopyPath("mount://-/boot/efi/EFI", "tree:///EFI")]),
                devices: mounts.Devices,
                mounts: mounts.Mounts),
            Stage.Of(
                new CopyOptions(
                [
                    new CopyPath($"mount://-/usr/lib/modules/{kernelVersion}/vmlinuz", "tree:///vmlinuz"),
                    new CopyPath($"mount://-/usr/lib/modules/{kernelVersion}/initramfs.img", "tree:///initrd.img"),
                ]),
                devices: mounts.Devices,
                mounts: withDeployment),
            .. TextFile("/" + GrubConfigFile, grubConfig),
            .. TextFile("/README", PxeTreeFiles.Readme),
            Stage.Of(new OstreeGrub2Options(GrubConfigFile, PhysicalRoot), devices: mounts.Devices, mounts: withDeployment),
            Stage.Of(new ChmodOptions(OsbuildMap.From(FileModes))),
        ];
        return new Pipeline(BootcPxePipelines.Tree, stages, build: PipelineReference.To(BootcDiskPipelines.Build));
    }

    /// <summary>The bytes of the tree's inline files, for the manifest's sources.</summary>
    public static IReadOnlyList<byte[]> InlineContents(string grubConfig) =>
        [Encoding.UTF8.GetBytes(grubConfig), Encoding.UTF8.GetBytes(PxeTreeFiles.Readme)];

    /// <summary>A file written from an inline source, as upstream writes its own files (one copy stage each).</summary>
    private static IReadOnlyList<Stage> TextFile(string path, string contents) =>
        OsCustomizationStageList.Files([new FileCustomization { Path = path, Data = contents }]);
}
