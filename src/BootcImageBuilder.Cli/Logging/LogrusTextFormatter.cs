using System.Globalization;
using BootcImageBuilder.Upload;
using Serilog.Events;
using Serilog.Formatting;

namespace BootcImageBuilder.Cli.Logging;

/// <summary>
/// Writes events the way logrus' text formatter does without a TTY
/// (<c>time="…" level=debug msg="…"</c>), so scripts that grep upstream's stderr keep working. Every line is
/// redacted (credentials, tokens, signatures, whatever a library or a server put in a message) and holds no
/// control character, so no log level prints a secret or lets a server's text forge lines.
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

    private static string Quote(string text)
    {
        var safe = SecretRedaction.Redact(text)
            .Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("\"", "\\\"", StringComparison.Ordinal);
        return "\"" + ServerText.Printable(safe) + "\"";
    }
}
