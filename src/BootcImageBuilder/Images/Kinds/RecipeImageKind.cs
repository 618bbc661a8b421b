using BootcImageBuilder.Distro;
using BootcImageBuilder.Osbuild;
using BootcImageBuilder.Randomness;

namespace BootcImageBuilder.Images.Kinds;

/// <summary>
/// A kind whose manifest is computed from values only: its recipe input (<typeparamref name="TInput"/>, taken from the
/// generator's input) and the random source.
/// </summary>
public abstract class RecipeImageKind<TInput>(
    ImageKind kind, Func<ImageKindInput, TInput> inputOf, Func<TInput, IRandomSource, Manifest> generate) : IImageKindGenerator
{
    public ImageKind Kind => kind;

    public Task<Manifest> GenerateAsync(ImageKindInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Task.FromResult(generate(inputOf(input), input.Random));
    }
}
