namespace BootcImageBuilder.Randomness;

/// <summary>A reproducible sequence for a given seed (<c>OSBUILD_TESTING_RNG_SEED</c>).</summary>
public sealed class SeededRandomSource(int seed) : IRandomSource
{
#pragma warning disable CA5394 // Reproducibility is the point: these values only matter in test mode.
    private readonly Random _random = new(seed);

    public void NextBytes(Span<byte> buffer) => _random.NextBytes(buffer);
#pragma warning restore CA5394
}
