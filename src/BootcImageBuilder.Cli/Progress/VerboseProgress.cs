using BootcImageBuilder.Building;
using BootcImageBuilder.Osbuild.Running;

namespace BootcImageBuilder.Cli.Progress;

/// <summary>Plain lines on stderr, and osbuild's own output passed through (what <c>podman bootc</c> expects).</summary>
internal sealed class VerboseProgress(TextWriter stderr) : IProgressReporter
{
    private int _lastTransferTenth = -1;

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
    /// <summary>One line per tenth of the transfer, so a log shows it moving without a line per chunk.</summary>
    public void Transfer(string label, long done, long total)
    {
        var tenth = total > 0 ? (int)(10 * done / total) : 10;
        if (tenth == _lastTransferTenth)
        {
            return;
        }

        _lastTransferTenth = tenth;
        stderr.WriteLine($"{label}: {TransferText.Amount(done, total)}");
    }

    public void Result(IReadOnlyList<Artifact> artifacts)
    {
    }

    public void Error(string message)
    {
    }
}
