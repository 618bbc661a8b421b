using BootcImageBuilder.Distro;
using BootcImageBuilder.Osbuild;

namespace BootcImageBuilder.Images;

/// <summary>Makes the manifest of one <see cref="ImageKind"/>; the place a new kind of image plugs in.</summary>
public interface IImageKindGenerator
{
    ImageKind Kind { get; }

    /// <summary>
    /// Whether generation needs the image's container still running (<see cref="ImageKindInput.Containers"/>'s
    /// <c>Running</c>): the legacy installer ISO depsolves against its root.
    /// </summary>
    bool NeedsRunningContainer => false;

    /// <summary>Refuses a request this kind cannot build, before any container is inspected.</summary>
    void Validate(ManifestRequest request)
    {
    }

    Task<Manifest> GenerateAsync(ImageKindInput input, CancellationToken cancellationToken);

    /// <summary>The manifest with the osbuild environment and resources its build needs; by default none.</summary>
    async Task<GeneratedManifest> GenerateManifestAsync(ImageKindInput input, CancellationToken cancellationToken) =>
        new(await GenerateAsync(input, cancellationToken));
}
