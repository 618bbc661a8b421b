using BootcImageBuilder.Blueprint;
using BootcImageBuilder.Containers;
using BootcImageBuilder.Disk;
using BootcImageBuilder.Osbuild;
using BootcImageBuilder.Randomness;

namespace BootcImageBuilder.Images;

/// <summary>
/// The osbuild manifest of a bootc disk image (raw, ami, qcow2, vmdk, vhd, gce, ova: one manifest holds them all;
/// the types only decide what is exported and how files are named, see <see cref="DiskFileNames"/>). Pipelines in upstream's order:
/// <c>[target,] build, image, qcow2, vmdk, vpc, ovf, archive, gce</c>.
/// </summary>
public static class BootcDiskImage
{
    public static readonly IReadOnlyList<string> DefaultKernelArgs = ["rw", "console=tty0", "console=ttyS0"];

    /// <summary>Generates the manifest; every random value (UUIDs, password salts) is drawn from <paramref name="random"/>.</summary>
    public static Manifest Generate(BootcDiskImageRequest request, IRandomSource random)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(random);
        var source = request.Source;
        var customizations = request.Customizations;

        var diskYaml = source.OsInfo.DiskYaml is { } embedded ? DiskYaml.Parse(embedded.Contents, embedded.Path) : null;
        var rootfsType = RootfsTypeOf(request);
        var partitioning = PartitioningMapping.ToPartitioningRequest(request, rootfsType, diskYaml?.PartitionTable);
        if (partitioning.Disk is { } disk && DiskLayoutValidation.Error(disk) is { } invalid)
        {
            throw new BibException("error reading disk customizations: " + invalid);
        }

        var table = BootcPartitionTables.Generate(partitioning, random);
        var fileNames = DiskFileNames.For(request.ImageTypes);

        var pipelines = new List<Pipeline>();
        var separateBuild = request.BuildSource is { } buildSource && !SameContainer(buildSource, source);
        var rawSourcePipeline = BootcDiskPipelines.Build;
        if (separateBuild)
        {
            pipelines.Add(ContainerBuildroot.Create(
                BootcDiskPipelines.Target, source, source.OsInfo.SelinuxPolicy, ContainerBuildroot.TargetConfigDirectories));
            rawSourcePipeline = BootcDiskPipelines.Target;
        }

        var buildContainer = separateBuild ? request.BuildSource! : source;
        var buildPolicy = NullIfEmpty(buildContainer.OsInfo.SelinuxPolicy) ?? source.OsInfo.SelinuxPolicy;
        pipelines.Add(ContainerBuildroot.Create(
            BootcDiskPipelines.Build,
            buildContainer,
            buildPolicy,
            separateBuild ? ContainerBuildroot.TargetConfigDirectories : null,
            separateBuild ? BootcDiskPipelines.Target : null));

        var imageStages = RawImageStages.Create(new RawImageSpec(
            source,
            table,
            diskYaml?.MountConfiguration ?? MountConfiguration.Units,
            KernelArgsOf(request),
            rawSourcePipeline,
            customizations,
            fileNames.Raw), random);
        pipelines.Add(new Pipeline(BootcDiskPipelines.Image, imageStages, build: PipelineReference.To(BootcDiskPipelines.Build)));
        pipelines.AddRange(FormatPipelines.All(fileNames));

        return new Manifest(pipelines, SourcesOf(request, separateBuild));
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

    private static List<Source> SourcesOf(BootcDiskImageRequest request, bool separateBuild)
    {
        var imageIds = new List<string> { ContainerBuildroot.ImageIdOf(request.Source) };
        if (separateBuild)
        {
            imageIds.Add(ContainerBuildroot.ImageIdOf(request.BuildSource!));
        }

        var sources = new List<Source> { new ContainersStorageSource(imageIds) };
        var files = request.Customizations?.Files ?? [];
        if (files.Count > 0)
        {
            sources.Add(new InlineSource(files.Select(OsCustomizationStages.ContentOf).DistinctBy(InlineSource.ChecksumOf)));
        }

        return sources;
    }

    private static bool SameContainer(BootcInfo a, BootcInfo b) => a.ImageRef == b.ImageRef && a.ImageId == b.ImageId;

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
