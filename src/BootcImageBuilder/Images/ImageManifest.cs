using BootcImageBuilder.Distro;
using BootcImageBuilder.Osbuild;

namespace BootcImageBuilder.Images;

/// <summary>The manifest of one kind of image and the requested types it serves.</summary>
public sealed record ImageManifest(ImageKind Kind, ImageTypeSet Types, Manifest Manifest)
{
    /// <summary>Upstream's file name for it, e.g. <c>manifest-qcow2-ami.json</c>.</summary>
    public string FileName => Types.ManifestFileName;

    /// <summary>The pipelines osbuild exports for it.</summary>
    public IReadOnlyList<string> Exports => Types.Exports;

    /// <summary>Each requested type and its artifact's path relative to the output directory.</summary>
    public IReadOnlyList<(string ImageType, string RelativePath)> Artifacts =>
        Types.Requested.Select(r => (r.Name, r.ArtifactPath)).ToList();
}
