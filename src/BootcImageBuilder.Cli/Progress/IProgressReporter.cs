using BootcImageBuilder.Building;
using BootcImageBuilder.Osbuild.Running;

namespace BootcImageBuilder.Cli.Progress;

/// <summary>Shows a build's progress: pulse lines (the phase), messages, osbuild's pipeline/stage levels, the result.</summary>
internal interface IProgressReporter
{
    /// <summary>True when osbuild should run with its JSON-seq monitor; false means its output passes straight through.</summary>
    bool WantsMonitor { get; }

    void Start();

    void Stop();

    void Pulse(string message);

    void Message(string message);

    void Status(MonitorStatus status);

    /// <summary>Pipelines osbuild took from its store instead of building them.</summary>
    void Cached(IReadOnlyList<string> pipelines);

    void Result(IReadOnlyList<Artifact> artifacts);

    void Error(string message);
}
