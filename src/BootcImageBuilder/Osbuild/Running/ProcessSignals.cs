using System.Runtime.InteropServices;

namespace BootcImageBuilder.Osbuild.Running;

/// <summary>Sends SIGINT, which osbuild handles by cleaning up its mounts and loop devices before it exits.</summary>
internal static partial class ProcessSignals
{
    private const int SigInt = 2;

    public static void Interrupt(int pid) => _ = Kill(pid, SigInt);

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
