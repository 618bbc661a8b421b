using BootcImageBuilder.Building;
using BootcImageBuilder.Osbuild.Running;

namespace BootcImageBuilder.Cli.Progress;

/// <summary>Every progress event as its own marked line on stderr, for debugging the progress itself.</summary>
internal sealed class DebugProgress(TextWriter stderr) : IProgressReporter
{
    public bool WantsMonitor => true;

    public void Start() => stderr.WriteLine("Start progressbar");

    private bool _stopped;

    public void Stop()
    {
        if (!_stopped)
        {
            _stopped = true;
            stderr.WriteLine("Stop progressbar");
        }
    }

    public void Pulse(string message) => stderr.WriteLine($"pulse: {message}");

    public void Message(string message) => stderr.WriteLine($"msg: {message}");

    public void Cached(IReadOnlyList<string> pipelines) => Message(ProgressReporters.CachedMessage(pipelines));

    public void Status(MonitorStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        for (var level = 0; level < status.Levels.Count; level++)
        {
            var progress = status.Levels[level];
            stderr.WriteLine($"{new string(' ', 2 * level)}[{progress.Done} / {progress.Total}] {progress.Label}");
        }

        if (status.Message.Length > 0)
        {
            Message(status.Message);
        }
    }

    public void Result(IReadOnlyList<Artifact> artifacts)
    {
    }

    public void Error(string message)
    {
    }
}
