using BootcImageBuilder.Osbuild;

namespace BootcImageBuilder.Images.Pipelines.Pxe;

/// <summary>The <c>tar</c> and <c>xz</c> pipelines packing the PXE tree into <c>pxe.tar.xz</c>, both in the buildroot.</summary>
public static class PxeArchivePipelines
{
    /// <summary>The tar pipeline's file: upstream never renames it from its default.</summary>
    public const string TarFile = "image.tar";

    /// <summary>The compressed archive, the <c>pxe-tar-xz</c> image type's file name in upstream's table.</summary>
    public const string XzFile = "pxe.tar.xz";

    public static IReadOnlyList<Pipeline> All { get; } = [Tar(), Xz()];

    private static Pipeline Tar() =>
        new(BootcPxePipelines.Tar, [Stage.Of(
            new TarOptions(TarFile, Paths: PxeTreePipeline.ArchivePaths),
            inputs: [KeyValuePair.Create<string, StageInput>("tree", TreeInput.OfPipeline(BootcPxePipelines.Tree))])],
            build: PipelineReference.To(BootcDiskPipelines.Build));

    private static Pipeline Xz() =>
        new(BootcPxePipelines.Xz, [Stage.Of(
            new XzOptions(XzFile),
            inputs: [KeyValuePair.Create<string, StageInput>("file", FilesInput.FromPipeline(BootcPxePipelines.Tar, TarFile))])],
            build: PipelineReference.To(BootcDiskPipelines.Build));
}
