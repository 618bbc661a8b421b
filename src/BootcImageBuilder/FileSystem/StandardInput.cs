using System.Runtime.InteropServices;

namespace BootcImageBuilder.FileSystem;

/// <summary>
/// Whether descriptor 0 is an input this process was given. A process started with it closed finds there the first
/// descriptor the runtime opened for itself, always close-on-exec (an inherited descriptor never is): reading that
/// would wait forever, so it counts as closed.
/// </summary>
public static partial class StandardInput
{
    private const int FGetfd = 1;
    private const int FGetfl = 3;
    private const int FdCloexec = 1;
    private const int OAccmode = 3;
    private const int OWronly = 1;

    /// <summary>Why descriptor 0 cannot be read, or null when it can.</summary>
    public static string? Problem()
    {
        var descriptorFlags = Fcntl(0, FGetfd);
        if (descriptorFlags < 0 || (descriptorFlags & FdCloexec) != 0)
        {
            return "standard input is closed";
        }

        if ((Fcntl(0, FGetfl) & OAccmode) == OWronly)
        {
            return "standard input is not open for reading";
        }

        return FileStatus.Of("/proc/self/fd/0").Kind == FileKind.Directory ? "standard input is a directory" : null;
    }

    [LibraryImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    private static partial int Fcntl(int fd, int command);
}
