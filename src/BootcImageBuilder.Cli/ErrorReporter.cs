using System.Globalization;

namespace BootcImageBuilder.Cli;

/// <summary>
/// The one way out for failures: a single <c>YYYY/MM/DD HH:MM:SS error: …</c> entry on stderr, as Go's
/// <c>log.Fatalf</c> prints it upstream, and exit code 1. Never a stack trace.
/// </summary>
internal static class ErrorReporter
{
    public const int FailureExitCode = 1;

    public static int Report(TextWriter stderr, Exception exception, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        ArgumentNullException.ThrowIfNull(exception);
        var message = FailureText.MessageOf(exception);
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
