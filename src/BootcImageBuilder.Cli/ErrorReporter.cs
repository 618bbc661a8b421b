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

    /// <summary>
    /// The failure as the run reports it: once a signal has cancelled the run, a child's failure is the signal's doing
    /// (Ctrl-C reaches podman children too), so it reads as the interruption rather than what the killed child printed.
    /// </summary>
    public static Exception AsReported(Exception exception, CancellationToken cancellationToken) =>
        cancellationToken.IsCancellationRequested && exception is not OperationCanceledException
            ? new OperationCanceledException("interrupted", exception, cancellationToken)
            : exception;

    /// <summary>The words the error line and the JSON <c>error</c> event give for <paramref name="exception"/>.</summary>
    public static string MessageOf(Exception exception) => exception switch
    {
        BibException bib => bib.Message,
        OperationCanceledException => "interrupted",
        // The runtime's own words (type names, option names, file contents) never reach the user.
        UnauthorizedAccessException => $"permission denied{DetailsHint}",
        IOException => $"input/output error{DetailsHint}",
        _ => $"internal error{DetailsHint}",
    };

    public static int Report(TextWriter stderr, Exception exception, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        ArgumentNullException.ThrowIfNull(exception);
        var message = MessageOf(exception);
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
