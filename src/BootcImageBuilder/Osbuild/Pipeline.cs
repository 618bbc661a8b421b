using static BootcImageBuilder.EmptyValues;

namespace BootcImageBuilder.Osbuild;

/// <summary>
/// One osbuild pipeline. <paramref name="Build"/> names the pipeline whose tree is the buildroot
/// (<c>name:build</c>); without it the stages run on the host. Only buildroot pipelines carry a <paramref name="Runner"/>.
/// </summary>
public sealed record Pipeline(
    string Name,
    string? Build,
    string? Runner,
    [property: System.Text.Json.Serialization.JsonPropertyName("source-epoch")] long? SourceEpoch,
    IReadOnlyList<Stage>? Stages)
{
    public Pipeline(string name, IEnumerable<Stage> stages, string? build = null, string? runner = null)
        : this(name, build, runner, null, NullIfEmpty([.. stages]))
    {
    }

    /// <summary>The reference other pipelines use to point at this one: <c>name:&lt;name&gt;</c>.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Reference => PipelineReference.To(Name);
}
