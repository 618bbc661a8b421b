using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace BootcImageBuilder.Osbuild.Running;

/// <summary>
/// A pipe whose write end a child process inherits under its own descriptor number. .NET hands a child only
/// stdin/stdout/stderr, but it does not close descriptors that lack close-on-exec, so clearing that flag on the
/// write end is enough for osbuild's <c>--monitor-fd</c>.
/// </summary>
internal sealed partial class InheritablePipe : IDisposable
{
    private const int OCloexec = 0x80000;
    private const int FSetfd = 2;

    private int _writeFd;

    private InheritablePipe(SafeFileHandle readEnd, int writeFd)
    {
        ReadEnd = readEnd;
        _writeFd = writeFd;
    }

    public SafeFileHandle ReadEnd { get; }

    public int WriteFd => _writeFd;

    public static InheritablePipe Create()
    {
        Span<int> fds = stackalloc int[2];
        if (Pipe2(ref MemoryMarshal.GetReference(fds), OCloexec) != 0)
        {
            throw new BibException($"cannot create pipe for osbuild: errno {Marshal.GetLastPInvokeError()}");
        }

        if (Fcntl(fds[1], FSetfd, 0) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            Close(fds[0]);
            Close(fds[1]);
            throw new BibException($"cannot create pipe for osbuild: errno {errno}");
        }

        return new InheritablePipe(new SafeFileHandle(fds[0], ownsHandle: true), fds[1]);
    }

    /// <summary>Closes the parent's copy of the write end once the child has it, so the reader sees end-of-file.</summary>
    public void CloseWriteEnd()
    {
        if (_writeFd >= 0)
        {
            Close(_writeFd);
            _writeFd = -1;
        }
    }

    public void Dispose()
    {
        CloseWriteEnd();
        ReadEnd.Dispose();
    }

    [LibraryImport("libc", EntryPoint = "pipe2", SetLastError = true)]
    private static partial int Pipe2(ref int fds, int flags);

    [LibraryImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    private static partial int Fcntl(int fd, int command, int argument);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
