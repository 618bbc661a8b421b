using BootcImageBuilder.Cli.Settings;

namespace BootcImageBuilder.Cli.Progress;

internal static class ProgressReporters
{
    /// <summary>Upstream's choice for <c>auto</c>: the terminal view when stdin is a terminal with a size, else verbose.</summary>
    public static IProgressReporter Create(ProgressMode mode, TextWriter stdout, TextWriter stderr) => mode switch
    {
        ProgressMode.Term => new TerminalProgress(stderr, TerminalWidth()),
        ProgressMode.Verbose => new VerboseProgress(stderr),
        ProgressMode.Debug => new DebugProgress(stderr),
        ProgressMode.Json => new JsonProgress(stdout),
        _ => !Console.IsInputRedirected && TerminalWidth() > 0
            ? new TerminalProgress(stderr, TerminalWidth())
            : new VerboseProgress(stderr),
    };

    /// <summary>The line the text views show for pipelines osbuild took from its store.</summary>
    public static string CachedMessage(IReadOnlyList<string> pipelines) =>
        $"Reused from the osbuild store: {string.Join(", ", pipelines)}";
    /// <summary>Runs <paramref name="work"/> with a reporter of <paramref name="mode"/>: a failure becomes its error event, and the view is stopped either way.</summary>
    public static async Task RunWithAsync(
        ProgressMode mode, TextWriter stdout, TextWriter stderr, Func<IProgressReporter, Task> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        var progress = Create(mode, stdout, stderr);
        try
        {
            await work(progress);
        }
        catch (Exception e)
        {
            ReportFailure(progress, e, cancellationToken);
            throw;
        }
        finally
        {
            progress.Stop();
            (progress as IDisposable)?.Dispose();
        }
    }

    /// <summary>Sends the error event with the words of the run's final error line (<see cref="ErrorReporter"/>).</summary>
    public static void ReportFailure(IProgressReporter progress, Exception failure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        progress.Error(ErrorReporter.MessageOf(ErrorReporter.AsReported(failure, cancellationToken)));
    }

    private static int TerminalWidth()
    {
        try
        {
            return Console.IsOutputRedirected ? 0 : Console.WindowWidth;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
