using BootcImageBuilder.Building;
using BootcImageBuilder.Osbuild.Running;

namespace BootcImageBuilder.Cli.Progress;

/// <summary>Plain lines on stderr, and osbuild's own output passed through (what <c>podman bootc</c> expects).</summary>
internal sealed class VerboseProgress(TextWriter stderr) : IProgressReporter
{
    public bool WantsMonitor => false;

    public void Start()
    {
    }

    public void Stop()
    {
    }

    public void Pulse(string message) => stderr.WriteLine(message);

    public void Message(string message) => stderr.WriteLine(message);

    public void Status(MonitorStatus status)
    {
    }

    public void Cached(IReadOnlyList<string> pipelines) => stderr.WriteLine(ProgressReporters.CachedMessage(pipelines));
    public void Result(IReadOnlyList<Artifact> artifacts)
    {
    }

    public void Error(string message)
    {
    }
}
