using System.Globalization;
using Serilog.Events;
using Serilog.Formatting;

namespace BootcImageBuilder.Cli.Logging;

/// <summary>
/// Writes events the way logrus' text formatter does without a TTY
/// (<c>time="…" level=debug msg="…"</c>), so scripts that grep upstream's stderr keep working.
/// </summary>
internal sealed class LogrusTextFormatter : ITextFormatter
{
    public void Format(LogEvent logEvent, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        ArgumentNullException.ThrowIfNull(output);
        var message = logEvent.RenderMessage(CultureInfo.InvariantCulture);
        output.Write("time=\"");
        output.Write(logEvent.Timestamp.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture));
        output.Write("\" level=");
        output.Write(LogLevels.LogrusName(logEvent.Level));
        output.Write(" msg=");
        output.Write(Quote(message));
        if (logEvent.Exception is { } exception)
        {
            output.Write(" error=");
            output.Write(Quote(exception.Message));
        }

        output.WriteLine();
    }

    private static string Quote(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal) + "\"";
}
