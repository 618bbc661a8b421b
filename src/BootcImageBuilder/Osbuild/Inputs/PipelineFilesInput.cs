using System.Collections.Immutable;

namespace BootcImageBuilder.Osbuild;

/// <summary>An <c>org.osbuild.files</c> input whose references are <c>{"name:&lt;pipeline&gt;": {"file": "…"}}</c>.</summary>
public sealed record PipelineFilesInput(
    string Type,
    string Origin,
    ImmutableSortedDictionary<string, PipelineFileReference> References) : StageInput;

/// <summary>Which file of a pipeline's tree.</summary>
public sealed record PipelineFileReference(string? File);
