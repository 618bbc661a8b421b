using System.Diagnostics;

namespace BootcImageBuilder.Cli.Progress;

/// <summary>An upload's bytes as <c>progress</c> events (unit <c>bytes</c>), at most every 200 ms and always at the end.</summary>
internal sealed class JsonByteProgress(JsonProgress events, string label, long total) : IProgress<long>
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    private readonly Lock _lock = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan? _last;
    private bool _finished;

    public void Report(long value)
    {
        lock (_lock)
        {
            var done = Math.Clamp(value, 0, total);
            if (_finished || (done < total && _last is { } last && _clock.Elapsed - last < Interval))
            {
                return;
            }

            _finished = done >= total;
            _last = _clock.Elapsed;
            events.Transfer(label, done, total);
        }
    }
}
