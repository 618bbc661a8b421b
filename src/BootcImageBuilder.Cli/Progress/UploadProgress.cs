using BootcImageBuilder.Building;
using BootcImageBuilder.Cli.Settings;

namespace BootcImageBuilder.Cli.Progress;

/// <summary>Where an upload's byte count and status lines go, for each progress mode.</summary>
internal sealed class UploadProgress
{
    private UploadProgress(IProgress<long>? bytes, Action<string> status)
    {
        Bytes = bytes;
        Status = status;
    }

    /// <summary>Null in debug mode, which upstream gives no byte bar.</summary>
    public IProgress<long>? Bytes { get; }

    public Action<string> Status { get; }

    /// <summary>
    /// JSON: <c>progress</c> and <c>message</c> events. Debug: status lines on stdout, no bar. Otherwise upstream's
    /// byte bar and status lines on stdout, the bar redrawn in place on a terminal.
    /// </summary>
    public static UploadProgress For(ProgressMode mode, IProgressReporter reporter, TextWriter stdout, string label, long total)
    {
        ArgumentNullException.ThrowIfNull(reporter);
        ArgumentNullException.ThrowIfNull(stdout);
        void WriteLine(string line)
        {
            stdout.WriteLine(line);
            stdout.Flush();
        }

        return mode switch
        {
            ProgressMode.Json when reporter is JsonProgress json => new UploadProgress(new JsonByteProgress(json, label, total), reporter.Message),
            ProgressMode.Debug => new UploadProgress(null, WriteLine),
            _ => new UploadProgress(new ByteProgressBar(stdout, total, redraw: reporter is TerminalProgress), WriteLine),
        };
    }
}
