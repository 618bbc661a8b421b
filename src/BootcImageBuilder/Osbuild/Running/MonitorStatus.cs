namespace BootcImageBuilder.Osbuild.Running;

/// <summary>
/// One record of osbuild's JSON-seq monitor, interpreted: a user-facing message (from <c>osbuild.monitor</c>) or a
/// trace line (anything a stage printed), the progress levels (pipelines, then stages), and a stage result.
/// </summary>
public sealed record MonitorStatus
{
    public string Message { get; init; } = "";

    public string Trace { get; init; } = "";

    public string? Pipeline { get; init; }

    public IReadOnlyList<ProgressLevel> Levels { get; init; } = [];

    public StageResult? Result { get; init; }
}

/// <summary>One progress level: <c>Pipeline image</c> (level 0) or <c>Stage org.osbuild.mkdir</c> (level 1).</summary>
public sealed record ProgressLevel(string Label, int Done, int Total);

/// <summary>The outcome of one stage, as osbuild reports it when the stage finishes.</summary>
public sealed record StageResult(string Pipeline, string Stage, bool Success, string Output);
