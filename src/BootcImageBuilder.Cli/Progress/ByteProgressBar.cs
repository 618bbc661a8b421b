using System.Diagnostics;
using System.Globalization;

namespace BootcImageBuilder.Cli.Progress;

/// <summary>
/// Upstream's byte bar for uploads, on stdout: <c>12.00 MiB / 256.00 MiB [====&gt;____] 4.69% 48.00 MiB/s</c>.
/// On a terminal the line is redrawn in place (at most every 200 ms); elsewhere a line is written at every tenth
/// and at the end, so logs stay readable. The final line always shows <c>100.00%</c> once everything is sent.
/// </summary>
internal sealed class ByteProgressBar(TextWriter stdout, long total, bool redraw) : IProgress<long>
{
    private const int BarWidth = 40;
    private static readonly TimeSpan RedrawInterval = TimeSpan.FromMilliseconds(200);

    private readonly Lock _lock = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan? _lastDraw;
    private int _lastTenth = -1;
    private bool _finished;

    public void Report(long value)
    {
        lock (_lock)
        {
            if (_finished)
            {
                return;
            }

            var done = Math.Clamp(value, 0, total);
            _finished = done >= total;
            var tenth = total == 0 ? 10 : (int)(10 * done / total);
            var now = _clock.Elapsed;
            if (redraw ? _finished || _lastDraw is not { } last || now - last >= RedrawInterval : _finished || tenth > _lastTenth)
            {
                _lastDraw = now;
                _lastTenth = tenth;
                var line = Line(done, total, now);
                stdout.Write(redraw ? "\r" + line + (_finished ? "\n" : "") : line + "\n");
                stdout.Flush();
            }
        }
    }

    /// <summary>One frame, without control characters.</summary>
    internal static string Line(long done, long total, TimeSpan elapsed)
    {
        var fraction = total == 0 ? 1.0 : (double)done / total;
        var filled = (int)(BarWidth * fraction);
        var bar = filled >= BarWidth
            ? new string('=', BarWidth)
            : new string('=', Math.Max(filled - 1, 0)) + (filled > 0 ? ">" : "") + new string('_', BarWidth - filled);
        var speed = elapsed.TotalSeconds > 0 ? done / elapsed.TotalSeconds : 0;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{Mebibytes(done)} / {Mebibytes(total)} [{bar}] {100 * fraction:F2}% {Mebibytes((long)speed)}/s");
    }

    private static string Mebibytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:F2} MiB");
}
