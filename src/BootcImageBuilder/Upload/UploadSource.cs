using BootcImageBuilder.FileSystem;

namespace BootcImageBuilder.Upload;

/// <summary>
/// The file an upload sends, checked before anything opens it: only a non-empty regular file (links followed) is
/// taken. A FIFO would block the open past any interrupt, a device would be read without end, and an empty file
/// would become an empty image.
/// </summary>
public static class UploadSource
{
    /// <returns>The size to send: the target's when <paramref name="path"/> is a symbolic link.</returns>
    /// <exception cref="BibException">Anything else: <c>open PATH: no such file or directory</c> and <c>read PATH: is a directory</c> in Go's words, else <c>PATH: is …</c>.</exception>
    public static long Check(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        FileStatus status;
        try
        {
            status = FileStatus.Of(path);
        }
        catch (IOException e)
        {
            throw new BibException($"{path}: {e.Message}");
        }

        return status switch
        {
            { Kind: FileKind.Regular, Size: > 0 } => (long)status.Size,
            { Kind: FileKind.Regular } => throw new BibException($"{path}: is empty"),
            { Kind: FileKind.Missing } => throw new BibException($"open {path}: no such file or directory"),
            { Kind: FileKind.Directory } => throw new BibException($"read {path}: is a directory"),
            _ => throw new BibException($"{path}: {BoundedFile.Describe(status.Kind)}"),
        };
    }

    /// <summary><see cref="Check(string)"/> with its refusal under <paramref name="context"/> (<c>cannot upload: …</c>).</summary>
    public static long Check(string path, string context)
    {
        try
        {
            return Check(path);
        }
        catch (BibException e)
        {
            throw BibException.Wrap(context, e);
        }
    }
}
