using BootcImageBuilder.Distro;
using BootcImageBuilder.Osbuild;

namespace BootcImageBuilder.Images;

/// <summary>Makes the manifest of one <see cref="ImageKind"/>; the place a new kind of image plugs in.</summary>
public interface IImageKindGenerator
{
    ImageKind Kind { get; }

    Task<Manifest> GenerateAsync(ImageKindInput input, CancellationToken cancellationToken);
}
