using System.Security.Cryptography;
using BootcImageBuilder.Randomness;

namespace BootcImageBuilder.Tests.Randomness;

public class DerivedRandomSourceTests
{
    private static byte[] Draw(byte[] key, params int[] sizes)
    {
        var source = new DerivedRandomSource(key);
        return [.. sizes.SelectMany(size =>
        {
            var buffer = new byte[size];
            source.NextBytes(buffer);
            return buffer;
        })];
    }

    [Fact]
    public void The_stream_is_sha256_of_key_and_little_endian_counter_however_it_is_drawn()
    {
        var key = SHA256.HashData("key"u8);
        byte[] Block(ulong counter) => SHA256.HashData([.. key, .. BitConverter.GetBytes(counter)]);

        Assert.Equal([.. Block(0), .. Block(1), .. Block(2)[..6]], Draw(key, 70));
        Assert.Equal(Draw(key, 70), Draw(key, 16, 1, 31, 22));
    }

    [Fact]
    public void Another_key_gives_another_stream()
    {
        Assert.NotEqual(Draw(SHA256.HashData("a"u8), 32), Draw(SHA256.HashData("b"u8), 32));
    }
}
