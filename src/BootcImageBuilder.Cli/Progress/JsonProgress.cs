using System.Text.Json;
using BootcImageBuilder.Building;
using BootcImageBuilder.Osbuild.Running;

namespace BootcImageBuilder.Cli.Progress;

/// <summary>
/// Beyond upstream (its issue #1170): one JSON object per line on stdout, for CI systems and GUIs. Kinds:
/// <c>pulse</c>, <c>message</c>, <c>progress</c> (level, pipeline, stage, label, done, total; uploads add
/// <c>unit</c>: <c>bytes</c>), <c>cached</c> (pipelines osbuild took from its store), <c>result</c> (one per
/// artifact: image_type and path) and <c>error</c>.
/// </summary>
internal sealed class JsonProgress(TextWriter stdout) : IProgressReporter
{
    private readonly Lock _lock = new();

    public bool WantsMonitor => true;

    public void Start()
    {
    }

    public void Stop()
    {
    }

    public void Pulse(string message) => Emit("pulse", w => w.WriteString("message", message));

    public void Message(string message) => Emit("message", w => w.WriteString("message", message));

    public void Status(MonitorStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        for (var level = 0; level < status.Levels.Count; level++)
        {
            var progress = status.Levels[level];
            var stage = level > 0 && progress.Label.StartsWith("Stage ", StringComparison.Ordinal) ? progress.Label[6..] : null;
            var current = level;
            Emit("progress", w =>
            {
                w.WriteNumber("level", current);
                w.WriteString("pipeline", status.Pipeline);
                w.WriteString("stage", stage);
                w.WriteString("label", progress.Label);
                w.WriteNumber("done", progress.Done);
                w.WriteNumber("total", progress.Total);
            });
        }

        if (status.Message.Length > 0)
        {
            Message(status.Message);
        }
    }

    /// <summary>A byte count of an upload (<see cref="JsonByteProgress"/>): a <c>progress</c> event at level 0 with <c>unit</c> <c>bytes</c>.</summary>
    public void Transfer(string label, long done, long total) => Emit("progress", w =>
    {
        w.WriteNumber("level", 0);
        w.WriteNull("pipeline");
        w.WriteNull("stage");
        w.WriteString("label", label);
        w.WriteNumber("done", done);
        w.WriteNumber("total", total);
        w.WriteString("unit", "bytes");
    });

    public void Cached(IReadOnlyList<string> pipelines) => Emit("cached", w =>
    {
        w.WriteStartArray("pipelines");
        foreach (var pipeline in pipelines)
        {
            w.WriteStringValue(pipeline);
        }

        w.WriteEndArray();
    });

    /// <summary>One <c>result</c> event per artifact, so a consumer can act on each as it reads it.</summary>
    public void Result(IReadOnlyList<Artifact> artifacts)
    {
        ArgumentNullException.ThrowIfNull(artifacts);
        foreach (var artifact in artifacts)
        {
            Emit("result", w =>
            {
                w.WriteString("image_type", artifact.ImageType);
                w.WriteString("path", artifact.Path);
            });
        }
    }

    public void Error(string message) => Emit("error", w => w.WriteString("message", message));

    private void Emit(string kind, Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type", kind);
            body(writer);
            writer.WriteEndObject();
        }

        lock (_lock)
        {
            stdout.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
            stdout.Flush();
        }
    }
}
