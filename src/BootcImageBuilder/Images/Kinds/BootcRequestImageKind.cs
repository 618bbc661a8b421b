using BootcImageBuilder.Distro;
using BootcImageBuilder.Osbuild;
using BootcImageBuilder.Randomness;

namespace BootcImageBuilder.Images.Kinds;

/// <summary>A kind whose manifest is made from a <see cref="BootcDiskImageRequest"/>: the container installed onto a disk first.</summary>
public abstract class BootcRequestImageKind(ImageKind kind, Func<BootcDiskImageRequest, IRandomSource, Manifest> generate) : IImageKindGenerator
{
    public ImageKind Kind => kind;

    public Task<Manifest> GenerateAsync(ImageKindInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Task.FromResult(generate(BootcDiskImageRequest.From(input), input.Random));
    }
}
