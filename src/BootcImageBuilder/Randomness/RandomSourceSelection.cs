using System.Globalization;
using System.Text;

namespace BootcImageBuilder.Randomness;

/// <summary>The random source for one manifest, and the notice to print when it is the test-mode one.</summary>
public sealed record RandomSourceSelection(IRandomSource Source, string? TestModeNotice)
{
    public const string SeedVariable = "OSBUILD_TESTING_RNG_SEED";

    /// <summary>
    /// Upstream's rule: with <c>OSBUILD_TESTING_RNG_SEED</c> set, the seed is that number plus an FNV-1a 64-bit hash of
    /// the architecture and distro name (so each manifest of a matrix gets its own stream); otherwise values are
    /// cryptographically random.
    /// </summary>
    public static RandomSourceSelection Choose(string? seedVariable, Arch arch, string distroName)
    {
        ArgumentNullException.ThrowIfNull(arch);
        if (string.IsNullOrEmpty(seedVariable))
        {
            return new RandomSourceSelection(new CryptoRandomSource(), null);
        }

        if (!long.TryParse(seedVariable, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seed))
        {
            throw new BibException($"cannot parse {SeedVariable}: \"{seedVariable}\" is not an integer");
        }

        var combined = unchecked(seed + (long)Fnv1a64(arch.Name + distroName));
        var foldedSeed = unchecked((int)(combined ^ (combined >>> 32)));
        return new RandomSourceSelection(new SeededRandomSource(foldedSeed), $"TEST MODE: using rng seed {seed}");
    }

    private static ulong Fnv1a64(string text)
    {
        const ulong offsetBasis = 14695981039346656037;
        const ulong prime = 1099511628211;
        var hash = offsetBasis;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = unchecked((hash ^ b) * prime);
        }

        return hash;
    }
}
