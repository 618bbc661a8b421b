using BootcImageBuilder.Containers;
using BootcImageBuilder.Disk;
using BootcImageBuilder.Osbuild;
using BootcImageBuilder.Randomness;
using static BootcImageBuilder.EmptyValues;

namespace BootcImageBuilder.Images.Pipelines;

/// <summary>
/// The pipelines every bootc image kind that installs the container onto a disk starts with:
/// <c>[target,] build, image</c> (the buildroot made from the container, then the partitioned disk file with the
/// container installed and customized). Disk images convert that file; PXE images repack its filesystem.
/// </summary>
public static class BootcInstallPipelines
{
    /// <summary>Lays out the disk (every UUID drawn from <paramref name="random"/>) and makes the pipelines.</summary>
    public static BootcInstall Create(BootcInstallSpec spec, IRandomSource random)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(random);
        var source = spec.Source;
        var diskYaml = source.OsInfo.DiskYaml is { } embedded ? DiskYaml.Parse(embedded.Contents, embedded.Path) : null;
        var partitioning = PartitioningMapping.ToPartitioningRequest(spec, spec.RootfsType(), diskYaml?.PartitionTable);
        if (partitioning.Disk is { } disk && DiskLayoutValidation.Error(disk) is { } invalid)
        {
            throw new BibException("error reading disk customizations: " + invalid);
        }

        var table = BootcPartitionTables.Generate(partitioning, random);
        var pipelines = new List<Pipeline>();
        var separateBuild = spec.BuildSource is { } buildSource && !SameContainer(buildSource, source);
        var rawSourcePipeline = BootcDiskPipelines.Build;
        if (separateBuild)
        {
            pipelines.Add(ContainerBuildroot.Create(
                BootcDiskPipelines.Target, source, source.OsInfo.SelinuxPolicy, ContainerBuildroot.TargetConfigDirectories));
            rawSourcePipeline = BootcDiskPipelines.Target;
        }

        var buildContainer = separateBuild ? spec.BuildSource! : source;
        var buildPolicy = NullIfEmpty(buildContainer.OsInfo.SelinuxPolicy) ?? source.OsInfo.SelinuxPolicy;
        pipelines.Add(ContainerBuildroot.Create(
            BootcDiskPipelines.Build,
            buildContainer,
            buildPolicy,
            separateBuild ? ContainerBuildroot.TargetConfigDirectories : null,
            separateBuild ? BootcDiskPipelines.Target : null));

        var imageStages = RawImageStageList.Create(
            new RawImageSpec(
                source,
                table,
                diskYaml?.MountConfiguration ?? spec.DefaultMountConfiguration,
                spec.KernelArgs,
                rawSourcePipeline,
                spec.Customizations,
                spec.RawFileName)
            {
                LiveBoot = spec.LiveBoot,
            },
            random);
        pipelines.Add(new Pipeline(BootcDiskPipelines.Image, imageStages, build: PipelineReference.To(BootcDiskPipelines.Build)));
        return new BootcInstall(pipelines, table, separateBuild);
    }

    /// <summary>
    /// The sources: the container (and a separate build container) from local storage, then the custom files'
    /// contents and <paramref name="moreInlineContents"/> as inline items.
    /// </summary>
    public static IReadOnlyList<Source> SourcesOf(BootcInstallSpec spec, bool separateBuild, IEnumerable<byte[]>? moreInlineContents = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var imageIds = new List<string> { ContainerBuildroot.ImageIdOf(spec.Source) };
        if (separateBuild)
        {
            imageIds.Add(ContainerBuildroot.ImageIdOf(spec.BuildSource!));
        }

        var sources = new List<Source> { new ContainersStorageSource(imageIds) };
        var inline = (spec.Customizations?.Files ?? []).Select(OsCustomizationStageList.ContentOf).Concat(moreInlineContents ?? []).ToList();
        if (inline.Count > 0)
        {
            sources.Add(new InlineSource(inline.DistinctBy(InlineSource.ChecksumOf)));
        }

        return sources;
    }

    private static bool SameContainer(BootcInfo a, BootcInfo b) => a.ImageRef == b.ImageRef && a.ImageId == b.ImageId;
}

/// <summary>The install pipelines in manifest order, the disk's partition table and whether a separate build container is used.</summary>
public sealed record BootcInstall(IReadOnlyList<Pipeline> Pipelines, PartitionTable Table, bool SeparateBuild);
