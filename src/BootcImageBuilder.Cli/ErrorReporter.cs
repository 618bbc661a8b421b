using System.Globalization;

namespace BootcImageBuilder.Cli;

/// <summary>
/// The one way out for failures: a single <c>YYYY/MM/DD HH:MM:SS error: …</c> entry on stderr, as Go's
/// <c>log.Fatalf</c> prints it upstream, and exit code 1. Never a stack trace.
/// </summary>
internal static class ErrorReporter
{
    public const int FailureExitCode = 1;

    private const string DetailsHint = " (run with --log-level debug for details)";

    public static int Report(TextWriter stderr, Exception exception, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        ArgumentNullException.ThrowIfNull(exception);
        var message = exception switch
        {
            BibException bib => bib.Message,
            OperationCanceledException => "interrupted",
            // The runtime's own words (type names, option names, file contents) never reach the user.
            UnauthorizedAccessException => $"permission denied{DetailsHint}",
            IOException => $"input/output error{DetailsHint}",
            _ => $"internal error{DetailsHint}",
        };
        if (exception is not (BibException or OperationCanceledException))
        {
            Serilog.Log.Debug(exception, "unexpected failure");
        }

        stderr.Write(now.ToString("yyyy/MM/dd HH:mm:ss", CultureInfo.InvariantCulture));
        stderr.Write(" error: ");
        stderr.WriteLine(message);
        stderr.Flush();
        return FailureExitCode;
    }
}
