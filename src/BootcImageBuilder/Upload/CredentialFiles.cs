using BootcImageBuilder.FileSystem;

namespace BootcImageBuilder.Upload;

/// <summary>
/// The files a cloud SDK reads credentials and settings from, checked before the SDK reads them: a FIFO would block
/// it past any interrupt and a device would be read without end, so each must be absent or a regular file of at
/// most <see cref="MaxBytes"/>.
/// </summary>
public static class CredentialFiles
{
    public const long MaxBytes = 1024 * 1024;

    /// <param name="origin">What named the file (a variable's name), for the message.</param>
    /// <param name="path">The file; absent is fine, the SDK then looks elsewhere.</param>
    /// <exception cref="BibException"><c>ORIGIN PATH: is a named pipe, not a regular file</c>, <c>… is larger than N bytes</c> and the like.</exception>
    public static void Check(string origin, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        FileStatus status;
        try
        {
            status = FileStatus.Of(path);
        }
        catch (IOException e)
        {
            throw new BibException($"{origin} {path}: {e.Message}");
        }

        var reason = status switch
        {
            { Kind: FileKind.Missing } => null,
            { Kind: FileKind.Regular, Size: <= MaxBytes } => null,
            { Kind: FileKind.Regular } => $"is larger than {MaxBytes} bytes",
            _ => BoundedFile.Describe(status.Kind),
        };
        if (reason is not null)
        {
            throw new BibException($"{origin} {path}: {reason}");
        }
    }

    /// <summary>Checks the file an environment variable names, or <paramref name="fallback"/> (the SDK's default) when it is unset.</summary>
    public static void CheckVariable(string variable, string? fallback = null)
    {
        if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } path)
        {
            Check(variable, path);
        }
        else if (fallback is not null)
        {
            Check($"default {variable}", fallback);
        }
    }
}
