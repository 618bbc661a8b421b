namespace BootcImageBuilder.FileSystem;

/// <summary>A file that could not be read within its bounds; <see cref="Exception.Message"/> is the reason alone (no path, no content).</summary>
public sealed class BoundedFileException : IOException
{
    public BoundedFileException(FileKind kind, string reason, Exception? inner = null)
        : base(reason, inner)
    {
        Kind = kind;
    }

    public BoundedFileException()
    {
    }

    public BoundedFileException(string message)
        : base(message)
    {
    }

    public BoundedFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public FileKind Kind { get; }
}
