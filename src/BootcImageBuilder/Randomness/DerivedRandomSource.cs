using System.Buffers.Binary;
using System.Security.Cryptography;

namespace BootcImageBuilder.Randomness;

/// <summary>
/// A deterministic stream of bytes derived from a 256-bit key: SHA-256 of the key and a block counter. The same key
/// always yields the same UUIDs and salts; different keys yield unrelated ones.
/// </summary>
public sealed class DerivedRandomSource(ReadOnlySpan<byte> key) : IRandomSource
{
    private readonly byte[] _key = key.ToArray();
    private readonly byte[] _block = new byte[SHA256.HashSizeInBytes];
    private ulong _counter;
    private int _used = SHA256.HashSizeInBytes;

    public void NextBytes(Span<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            if (_used == _block.Length)
            {
                Refill();
            }

            var take = Math.Min(buffer.Length, _block.Length - _used);
            _block.AsSpan(_used, take).CopyTo(buffer);
            _used += take;
            buffer = buffer[take..];
        }
    }

    private void Refill()
    {
        var input = new byte[_key.Length + sizeof(ulong)];
        _key.CopyTo(input, 0);
        BinaryPrimitives.WriteUInt64LittleEndian(input.AsSpan(_key.Length), _counter++);
        SHA256.HashData(input, _block);
        _used = 0;
    }
}
