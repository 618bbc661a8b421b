using BootcImageBuilder.Distro;
using BootcImageBuilder.Osbuild;

namespace BootcImageBuilder.Images;

/// <summary>
/// The manifest of one kind of image and the requested types it serves. Dispose it after the build: it may hold
/// resources osbuild needs (the mTLS key directory named in <see cref="OsbuildEnvironment"/>).
/// </summary>
public sealed record ImageManifest(ImageKind Kind, ImageTypeSet Types, Manifest Manifest) : IDisposable
{
    /// <summary>Environment variables to pass to osbuild for this manifest (the <c>OSBUILD_SOURCES_CURL_SSL_*</c> key paths).</summary>
    public IReadOnlyDictionary<string, string> OsbuildEnvironment { get; init; } = new Dictionary<string, string>();

    /// <summary>What must live until osbuild is done with this manifest; <see cref="Dispose"/> releases it.</summary>
    public IReadOnlyList<IDisposable> Resources { get; init; } = [];

    /// <summary>Upstream's file name for it, e.g. <c>manifest-qcow2-ami.json</c>.</summary>
    public string FileName => Types.ManifestFileName;

    /// <summary>The pipelines osbuild exports for it.</summary>
    public IReadOnlyList<string> Exports => Types.Exports;

    /// <summary>Each requested type and its artifact's path relative to the output directory.</summary>
    public IReadOnlyList<(string ImageType, string RelativePath)> Artifacts =>
        Types.Requested.Select(r => (r.Name, r.ArtifactPath)).ToList();

    public void Dispose()
    {
        foreach (var resource in Resources)
        {
            resource.Dispose();
        }
    }
}
