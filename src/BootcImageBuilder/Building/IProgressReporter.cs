using System.Diagnostics.CodeAnalysis;
using BootcImageBuilder.Osbuild.Running;

namespace BootcImageBuilder.Building;

/// <summary>Shows a build's progress: pulse lines (the phase), messages, osbuild's pipeline/stage levels, the result.</summary>
public interface IProgressReporter
{
    /// <summary>True when osbuild should run with its JSON-seq monitor; false means its output passes straight through.</summary>
    bool WantsMonitor { get; }

    void Start();

    /// <summary>Ends the view; a second call does nothing.</summary>
    [SuppressMessage("Naming", "CA1716", Justification = "Implemented in C# only; the host's views have always used these names.")]
    void Stop();

    void Pulse(string message);

    void Message(string message);

    void Status(MonitorStatus status);

    /// <summary>Pipelines osbuild took from its store instead of building them.</summary>
    void Cached(IReadOnlyList<string> pipelines);

    void Result(IReadOnlyList<Artifact> artifacts);

    [SuppressMessage("Naming", "CA1716", Justification = "Implemented in C# only; the host's views have always used these names.")]
    void Error(string message);
}
