using System.Text;

namespace BootcImageBuilder.FileSystem;

/// <summary>
/// Reads a whole file only when it is a regular file no larger than a limit: a FIFO or device would block or never
/// end, a directory is not text. The byte limit holds even if the entry grows while it is read.
/// </summary>
public static class BoundedFile
{
    /// <summary>Why <paramref name="kind"/> cannot be read as a file, in the words of the messages.</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Directory => "is a directory",
        FileKind.Fifo => "is a named pipe, not a regular file",
        FileKind.CharacterDevice or FileKind.BlockDevice => "is a device, not a regular file",
        FileKind.Socket => "is a socket, not a regular file",
        FileKind.SymbolicLink => "is a symbolic link",
        FileKind.Missing => "no such file or directory",
        _ => "is not a regular file",
    };

    /// <summary>Reads <paramref name="path"/> (links followed) as UTF-8 text.</summary>
    /// <exception cref="BoundedFileException">Missing, not a regular file, too large, or unreadable; the message names no content.</exception>
    public static string ReadText(string path, long maxBytes) => Decode(ReadBytes(path, maxBytes));

    /// <summary>Reads <paramref name="path"/> (links followed) as bytes.</summary>
    /// <exception cref="BoundedFileException">Missing, not a regular file, too large, or unreadable; the message names no content.</exception>
    public static byte[] ReadBytes(string path, long maxBytes)
    {
        FileStatus status;
        try
        {
            status = FileStatus.Of(path);
        }
        catch (IOException e)
        {
            throw new BoundedFileException(FileKind.Unknown, e.Message, e);
        }

        if (status.Kind != FileKind.Regular)
        {
            throw new BoundedFileException(status.Kind, Describe(status.Kind));
        }

        if (status.Size > (ulong)maxBytes)
        {
            throw new BoundedFileException(FileKind.Regular, $"is larger than {maxBytes} bytes");
        }

        try
        {
            // The kind check above and the byte limit below bound the read even if the entry changes in between.
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.None);
            return ReadLimitedBytes(stream, maxBytes);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new BoundedFileException(FileKind.Regular, "permission denied", e);
        }
        catch (IOException e) when (e is not BoundedFileException)
        {
            throw new BoundedFileException(FileKind.Regular, "cannot be read", e);
        }
    }

    /// <summary>Reads at most <paramref name="maxBytes"/> bytes of UTF-8 from <paramref name="stream"/>; more is an error.</summary>
    public static string ReadLimited(Stream stream, long maxBytes) => Decode(ReadLimitedBytes(stream, maxBytes));

    /// <summary>Reads at most <paramref name="maxBytes"/> bytes from <paramref name="stream"/>; more is an error.</summary>
    public static byte[] ReadLimitedBytes(Stream stream, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        while (true)
        {
            var read = stream.Read(chunk, 0, chunk.Length);
            if (read == 0)
            {
                break;
            }

            if (buffer.Length + read > maxBytes)
            {
                throw new BoundedFileException(FileKind.Regular, $"is larger than {maxBytes} bytes");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>Strict UTF-8: invalid bytes are an error rather than replacement characters.</summary>
    public static string Decode(byte[] bytes)
    {
        try
        {
            var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
            return text.StartsWith('\uFEFF') ? text[1..] : text;
        }
        catch (DecoderFallbackException e)
        {
            throw new BoundedFileException(FileKind.Regular, "is not valid UTF-8 text", e);
        }
    }
}
