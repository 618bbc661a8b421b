using BootcImageBuilder.Building;
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
