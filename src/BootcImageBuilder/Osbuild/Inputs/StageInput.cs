using System.Text.Json.Serialization;

namespace BootcImageBuilder.Osbuild;

/// <summary>A stage input: where a stage gets content from (<c>origin</c> a source or a pipeline) and which items.</summary>
[JsonDerivedType(typeof(ContainersInput))]
[JsonDerivedType(typeof(TreeInput))]
[JsonDerivedType(typeof(PipelineFilesInput))]
[JsonDerivedType(typeof(SourceFilesInput))]
[JsonDerivedType(typeof(PlainSourceFilesInput))]
public abstract record StageInput
{
    public const string SourceOrigin = "org.osbuild.source";
    public const string PipelineOrigin = "org.osbuild.pipeline";
}
