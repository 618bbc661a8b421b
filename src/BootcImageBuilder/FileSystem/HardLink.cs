using System.Runtime.InteropServices;

namespace BootcImageBuilder.FileSystem;

/// <summary><c>link(2)</c>: the one way to give a finished file its name atomically and only if the name is free.</summary>
public static partial class HardLink
{
    private const int EEXIST = 17;

    /// <summary>Links <paramref name="existing"/> as <paramref name="newPath"/>; false when <paramref name="newPath"/> already exists.</summary>
    /// <exception cref="IOException">Any other failure.</exception>
    public static bool CreateUnlessPresent(string existing, string newPath)
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(newPath);
        if (Link(existing, newPath) == 0)
        {
            return true;
        }

        var errno = Marshal.GetLastPInvokeError();
        return errno == EEXIST ? false : throw new IOException(Marshal.GetPInvokeErrorMessage(errno), errno);
    }

    [LibraryImport("libc", EntryPoint = "link", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Link(string existing, string newPath);
}
