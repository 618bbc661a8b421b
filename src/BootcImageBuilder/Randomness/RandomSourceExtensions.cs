namespace BootcImageBuilder.Randomness;

public static class RandomSourceExtensions
{
    /// <summary>A version 4 (random) UUID drawn from <paramref name="source"/>, in lower-case canonical form.</summary>
    public static string NewUuid(this IRandomSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        Span<byte> bytes = stackalloc byte[16];
        source.NextBytes(bytes);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true).ToString("D");
    }
}
