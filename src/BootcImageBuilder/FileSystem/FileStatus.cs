using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace BootcImageBuilder.FileSystem;

/// <summary>
/// The kind and size of a path from <c>statx(2)</c>, which (unlike <see cref="FileInfo.Attributes"/>) tells a FIFO or
/// a device from a regular file. <c>struct statx</c> has the same layout on every architecture, so the fields are read
/// from fixed offsets of a 256-byte buffer.
/// </summary>
public readonly partial record struct FileStatus(FileKind Kind, ulong Size)
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;
    private const uint StatxSize = 0x200;
    private const int BufferSize = 256;
    private const int ModeOffset = 28;
    private const int SizeOffset = 40;
    private const int ENOENT = 2;
    private const int ENOTDIR = 20;

    /// <summary>The status of <paramref name="path"/> itself (a link is not followed); <see cref="FileKind.Missing"/> when absent.</summary>
    /// <exception cref="IOException">Any other failure (permission, I/O).</exception>
    public static FileStatus OfLink(string path) => Read(path, AtSymlinkNoFollow);

    /// <summary>The status of what <paramref name="path"/> names, links followed.</summary>
    /// <exception cref="IOException">Any other failure than absence (permission, a link loop, I/O).</exception>
    public static FileStatus Of(string path) => Read(path, 0);

    private static unsafe FileStatus Read(string path, int flags)
    {
        ArgumentNullException.ThrowIfNull(path);
        Span<byte> buffer = stackalloc byte[BufferSize];
        int result;
        fixed (byte* data = buffer)
        {
            result = Statx(AtFdCwd, path, flags, StatxType | StatxSize, data);
        }

        if (result != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            return errno is ENOENT or ENOTDIR
                ? new FileStatus(FileKind.Missing, 0)
                : throw new IOException(Marshal.GetPInvokeErrorMessage(errno), errno);
        }

        var mode = BinaryPrimitives.ReadUInt16LittleEndian(buffer[ModeOffset..]);
        var size = BinaryPrimitives.ReadUInt64LittleEndian(buffer[SizeOffset..]);
        if (!BitConverter.IsLittleEndian)
        {
            mode = BinaryPrimitives.ReverseEndianness(mode);
            size = BinaryPrimitives.ReverseEndianness(size);
        }

        return new FileStatus(KindOf(mode), size);
    }

    private static FileKind KindOf(ushort mode) => (mode & 0xF000) switch
    {
        0x8000 => FileKind.Regular,
        0x4000 => FileKind.Directory,
        0xA000 => FileKind.SymbolicLink,
        0x1000 => FileKind.Fifo,
        0x2000 => FileKind.CharacterDevice,
        0x6000 => FileKind.BlockDevice,
        0xC000 => FileKind.Socket,
        _ => FileKind.Unknown,
    };

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int Statx(int dirfd, string path, int flags, uint mask, byte* buffer);
}
