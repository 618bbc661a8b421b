using BootcImageBuilder.Containers;
using BootcImageBuilder.Disk;
using BootcImageBuilder.Osbuild;
using BootcImageBuilder.Randomness;
using static BootcImageBuilder.EmptyValues;

namespace BootcImageBuilder.Images;

/// <summary>
/// The pipelines every bootc image kind that installs the container onto a disk starts with:
/// <c>[target,] build, image</c> (the buildroot made from the container, then the partitioned disk file with the
/// container installed and customized). Disk images convert that file; PXE images repack its filesystem.
/// </summary>
public static class BootcInstallPipelines
{
    /// <summary>Lays out the disk (every UUID drawn from <paramref name="random"/>) and makes the pipelines.</summary>
    public static BootcInstall Create(BootcDiskImageRequest request, BootcInstallSettings settings, IRandomSource random)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(random);
        var source = request.Source;
        var diskYaml = source.OsInfo.DiskYaml is { } embedded ? DiskYaml.Parse(embedded.Contents, embedded.Path) : null;
        var partitioning = PartitioningMapping.ToPartitioningRequest(request, BootcDiskImage.RootfsTypeOf(request), diskYaml?.PartitionTable);
        if (partitioning.Disk is { } disk && DiskLayoutValidation.Error(disk) is { } invalid)
        {
            throw new BibException("error reading disk customizations: " + invalid);
        }

        var table = BootcPartitionTables.Generate(partitioning, random);
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

        var imageStages = RawImageStages.Create(
            new RawImageSpec(
                source,
                table,
                diskYaml?.MountConfiguration ?? settings.DefaultMountConfiguration,
                settings.KernelArgs,
                rawSourcePipeline,
                request.Customizations,
                settings.RawFileName)
            {
                LiveBoot = settings.LiveBoot,
            },
            random);
        pipelines.Add(new Pipeline(BootcDiskPipelines.Image, imageStages, build: PipelineReference.To(BootcDiskPipelines.Build)));
        return new BootcInstall(pipelines, table, separateBuild);
    }

    /// <summary>
    /// The sources: the container (and a separate build container) from local storage, then the custom files'
    /// contents and <paramref name="moreInlineContents"/> as inline items.
    /// </summary>
    public static IReadOnlyList<Source> SourcesOf(BootcDiskImageRequest request, bool separateBuild, IEnumerable<byte[]>? moreInlineContents = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var imageIds = new List<string> { ContainerBuildroot.ImageIdOf(request.Source) };
        if (separateBuild)
        {
            imageIds.Add(ContainerBuildroot.ImageIdOf(request.BuildSource!));
        }

        var sources = new List<Source> { new ContainersStorageSource(imageIds) };
        var inline = (request.Customizations?.Files ?? []).Select(OsCustomizationStages.ContentOf).Concat(moreInlineContents ?? []).ToList();
        if (inline.Count > 0)
        {
            sources.Add(new InlineSource(inline.DistinctBy(InlineSource.ChecksumOf)));
        }

        return sources;
    }

    private static bool SameContainer(BootcInfo a, BootcInfo b) => a.ImageRef == b.ImageRef && a.ImageId == b.ImageId;
}

/// <summary>What differs between the kinds in the install part.</summary>
/// <param name="RawFileName">The disk file of the <c>image</c> pipeline.</param>
/// <param name="DefaultMountConfiguration">How the OS learns its filesystems unless the container's disk.yaml says otherwise.</param>
/// <param name="KernelArgs">The kernel arguments of the install.</param>
/// <param name="LiveBoot">Whether to prepare the physical root for dracut's dmsquash-live (see <see cref="LiveBootDirectories"/>).</param>
public sealed record BootcInstallSettings(
    string RawFileName,
    MountConfiguration DefaultMountConfiguration,
    IReadOnlyList<string> KernelArgs,
    bool LiveBoot = false);

/// <summary>The install pipelines in manifest order, the disk's partition table and whether a separate build container is used.</summary>
public sealed record BootcInstall(IReadOnlyList<Pipeline> Pipelines, PartitionTable Table, bool SeparateBuild);
