using BootcImageBuilder.Blueprint;
using BootcImageBuilder.Disk;
using BootcImageBuilder.Images.Pipelines;
using BootcImageBuilder.Osbuild;
using BootcImageBuilder.Randomness;

namespace BootcImageBuilder.Images.Kinds;

/// <summary>
/// The osbuild manifest of a bootc disk image (raw, ami, qcow2, vmdk, vhd, gce, ova: one manifest holds them all;
/// the types only decide what is exported and how files are named, see <see cref="DiskFileNames"/>). Pipelines in upstream's order:
/// <c>[target,] build, image</c>, then the format pipelines in <c>imagetypes.yaml</c>'s order
/// (<c>qcow2, vmdk, vpc, ovf, archive, gce</c>).
/// </summary>
public static class BootcDiskImage
{
    public static readonly IReadOnlyList<string> DefaultKernelArgs = ["rw", "console=tty0", "console=ttyS0"];

    /// <summary>Generates the manifest; every random value (UUIDs, password salts) is drawn from <paramref name="random"/>.</summary>
    public static Manifest Generate(BootcDiskImageInput input, IRandomSource random)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(random);
        var fileNames = DiskFileNames.For(input.ImageTypes);
        var spec = new BootcInstallSpec(input.Source, fileNames.Raw, MountConfiguration.Units, KernelArgs(input.Customizations, input.OmitDefaultKernelArgs))
        {
            BuildSource = input.BuildSource,
            Customizations = input.Customizations,
            EmbeddedCustomizations = input.EmbeddedCustomizations,
            RootfsOverride = input.RootfsOverride,
            MinimumImageSize = input.MinimumImageSize,
        };
        var install = BootcInstallPipelines.Create(spec, random);
        return new Manifest(
            [.. install.Pipelines, .. FormatPipelines.All(fileNames)],
            BootcInstallPipelines.SourcesOf(spec, install.SeparateBuild));
    }

    /// <summary>The kernel arguments of the install: the defaults (unless omitted), then <c>kernel.append</c> as one argument.</summary>
    public static IReadOnlyList<string> KernelArgs(Customizations? customizations, bool omitDefaults)
    {
        var args = omitDefaults ? [] : DefaultKernelArgs.ToList();
        if (customizations?.Kernel?.Append is { Length: > 0 } append)
        {
            args.Add(append);
        }

        return args;
    }
}
