using BootcImageBuilder.Disk;
using BootcImageBuilder.Osbuild;
using BootcImageBuilder.Randomness;
using static BootcImageBuilder.EmptyValues;

namespace BootcImageBuilder.Images;

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
    public static Manifest Generate(BootcDiskImageRequest request, IRandomSource random)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(random);
        var fileNames = DiskFileNames.For(request.ImageTypes);
        var install = BootcInstallPipelines.Create(
            request, new BootcInstallSettings(fileNames.Raw, MountConfiguration.Units, KernelArgsOf(request)), random);
        return new Manifest(
            [.. install.Pipelines, .. FormatPipelines.All(fileNames)],
            BootcInstallPipelines.SourcesOf(request, install.SeparateBuild));
    }

    /// <summary>The root filesystem type: <c>--rootfs</c>, else the container's default; ext4, xfs or btrfs.</summary>
    public static FilesystemType RootfsTypeOf(BootcDiskImageRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.RootfsOverride ?? RootfsTypes.Parse(
            NullIfEmpty(request.Source.DefaultRootFs)
            ?? throw new BibException("failed to initialize bootc distro: missing required info: DefaultRootFs"));
    }

    /// <summary>The kernel arguments of the install: the defaults (unless omitted), then <c>kernel.append</c> as one argument.</summary>
    public static IReadOnlyList<string> KernelArgsOf(BootcDiskImageRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var args = request.OmitDefaultKernelArgs ? [] : DefaultKernelArgs.ToList();
        if (request.Customizations?.Kernel?.Append is { Length: > 0 } append)
        {
            args.Add(append);
        }

        return args;
    }
}
