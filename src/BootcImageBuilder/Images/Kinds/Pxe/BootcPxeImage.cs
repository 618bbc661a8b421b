using BootcImageBuilder.Disk;
using BootcImageBuilder.Images.Pipelines;
using BootcImageBuilder.Images.Pipelines.Pxe;
using BootcImageBuilder.Osbuild;
using BootcImageBuilder.Randomness;

namespace BootcImageBuilder.Images.Kinds.Pxe;

/// <summary>
/// The osbuild manifest of a bootc PXE image (<c>pxe-tar-xz</c>), as images v0.251.0 (the version bib pins) builds
/// it: the container installed into a disk file as for a disk image, but prepared for dracut's live boot and with
/// no mount configuration, then repacked as a network-bootable tree and archived. Pipelines:
/// <c>[target,] build, image, bootc-pxe-tree, tar, xz</c>.
/// </summary>
public static class BootcPxeImage
{
    /// <summary>The disk file of the <c>image</c> pipeline: upstream keeps the pipeline's default name.</summary>
    public const string RawFileName = "disk.img";

    /// <summary>
    /// Generates the manifest; every random value (UUIDs, password salts) is drawn from <paramref name="random"/>.
    /// Upstream ignores <c>--no-default-kernel-args</c> and Ignition customizations for this type, and so does this.
    /// </summary>
    public static Manifest Generate(BootcPxeImageInput input, IRandomSource random)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(random);
        var source = input.Source;
        var kernelArgs = BootcDiskImage.KernelArgs(input.Customizations, omitDefaults: false);
        var spec = new BootcInstallSpec(source, RawFileName, MountConfiguration.None, kernelArgs)
        {
            BuildSource = input.BuildSource,
            Customizations = input.Customizations is { } customizations ? customizations with { Ignition = null } : null,
            EmbeddedCustomizations = input.EmbeddedCustomizations,
            RootfsOverride = input.RootfsOverride,
            LiveBoot = true,
        };
        spec.RootfsType();
        InitrdModuleCheck.Require(source.OsInfo.InitrdModules);
        var kernel = source.OsInfo.Kernel ?? throw new BibException("could not read kernel info from container");

        var install = BootcInstallPipelines.Create(spec, random);
        var grubConfig = PxeTreeFiles.GrubConfig(kernelArgs);
        var tree = PxeTreePipeline.Create(install.Table, RawFileName, source.Arch, kernel.Version, source.OsInfo.UefiVendor, grubConfig);
        return new Manifest(
            [.. install.Pipelines, tree, .. PxeArchivePipelines.All],
            BootcInstallPipelines.SourcesOf(spec, install.SeparateBuild, PxeTreePipeline.InlineContents(grubConfig)));
    }
}
