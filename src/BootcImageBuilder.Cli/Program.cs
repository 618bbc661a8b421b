using System.Runtime.InteropServices;

namespace BootcImageBuilder.Cli;

internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        using var cancellation = new CancellationTokenSource();
        // SIGINT and SIGTERM cancel the run so that containers, mounts and partial files are cleaned up
        // on the way out instead of the runtime killing the process.
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => Cancel(context, cancellation));
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => Cancel(context, cancellation));
        return await BibApplication.RunAsync(args, Console.Out, Console.Error, cancellation.Token);
    }

    private static void Cancel(PosixSignalContext context, CancellationTokenSource cancellation)
    {
        context.Cancel = true;
        cancellation.Cancel();
    }
}
