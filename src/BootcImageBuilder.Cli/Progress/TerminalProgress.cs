using System.Text;
using BootcImageBuilder.Building;
using BootcImageBuilder.Osbuild.Running;

namespace BootcImageBuilder.Cli.Progress;

/// <summary>
/// Upstream's terminal view on stderr, redrawn every 200 ms: a spinner with the phase, one bar per progress level
/// (<c>[2 / 4] Pipeline image [=====&gt;    ] 50 %</c>) and the last message. Works without a TTY too.
/// </summary>
internal sealed class TerminalProgress(TextWriter stderr, int width) : IProgressReporter, IDisposable
{
    private const string EraseLine = "\x1b[2K";
    private const string HideCursor = "\x1b[?25l";
    private const string ShowCursor = "\x1b[?25h";
    private const int BarWidth = 40;
    private static readonly char[] Spinner = ['|', '/', '-', '\\'];

    private readonly Lock _lock = new();
    private readonly List<ProgressLevel> _levels = [];
    private string _pulse = "";
    private string _message = "";
    private readonly List<string> _notes = [];
    private int _frame;
    private Timer? _timer;

    public bool WantsMonitor => true;

    public void Start()
    {
        lock (_lock)
        {
            if (_timer is not null)
            {
                return;
            }

            stderr.Write(HideCursor);
            _timer = new Timer(_ => Render(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(200));
        }
    }

    public void Stop()
    {
        lock (_lock)
        {
            if (_timer is null)
            {
                return;
            }

            _timer.Dispose();
            _timer = null;
            RenderLocked();
            stderr.Write(ShowCursor);
            stderr.Write(new string('\n', 2 + _levels.Count));
            foreach (var note in _notes)
            {
                stderr.WriteLine(note);
            }

            stderr.Flush();
        }
    }

    public void Dispose() => Stop();

    public void Pulse(string message)
    {
        lock (_lock)
        {
            _pulse = message;
        }
    }

    public void Message(string message)
    {
        lock (_lock)
        {
            _message = message;
        }
    }

    public void Status(MonitorStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        lock (_lock)
        {
            for (var level = 0; level < status.Levels.Count; level++)
            {
                if (level < _levels.Count)
                {
                    _levels[level] = status.Levels[level];
                }
                else
                {
                    _levels.Add(status.Levels[level]);
                }
            }

            if (status.Message.Length > 0)
            {
                _message = status.Message;
            }
        }
    }

    /// <summary>Kept on screen below the final frame.</summary>
    public void Cached(IReadOnlyList<string> pipelines)
    {
        lock (_lock)
        {
            _notes.Add(ProgressReporters.CachedMessage(pipelines));
        }
    }

    public void Result(IReadOnlyList<Artifact> artifacts)
    {
    }

    public void Error(string message)
    {
    }

    /// <summary>The lines one frame shows, without terminal control codes.</summary>
    internal IReadOnlyList<string> Frame()
    {
        lock (_lock)
        {
            var lines = new List<string> { Fit($"[{Spinner[_frame % Spinner.Length]}] {_pulse}") };
            lines.AddRange(_levels.Select(Bar));
            lines.Add(Fit($"Message: {_message}"));
            return lines;
        }
    }

    private void Render()
    {
        lock (_lock)
        {
            if (_timer is not null)
            {
                RenderLocked();
            }
        }
    }

    private void RenderLocked()
    {
        var lines = Frame();
        _frame++;
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            text.Append(EraseLine).Append(line).Append('\n');
        }

        text.Append($"\x1b[{lines.Count}A");
        stderr.Write(text.ToString());
        stderr.Flush();
    }

    private static string Bar(ProgressLevel level)
    {
        // osbuild counts from 0 and reports "done" before a step starts; upstream shows done+1 of total+1.
        var done = level.Done + 1;
        var total = Math.Max(level.Total + 1, done);
        var filled = BarWidth * done / total;
        var bar = new string('=', Math.Max(filled - 1, 0)) + (filled > 0 ? ">" : "") + new string(' ', BarWidth - filled);
        return $"[{done} / {total}] {level.Label} [{bar}] {100 * done / total} %";
    }

    private string Fit(string line)
    {
        line = line.Replace('\n', ' ');
        return width > 3 && line.Length > width ? line[..(width - 3)] + "..." : line;
    }
}
