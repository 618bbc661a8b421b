using System.Security.Cryptography;

namespace BootcImageBuilder.Randomness;

/// <summary>Cryptographically strong values; the default when no test seed is set.</summary>
public sealed class CryptoRandomSource : IRandomSource
{
    public void NextBytes(Span<byte> buffer) => RandomNumberGenerator.Fill(buffer);
}
