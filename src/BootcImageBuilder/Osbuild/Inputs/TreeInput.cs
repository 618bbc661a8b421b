namespace BootcImageBuilder.Osbuild;

/// <summary><c>org.osbuild.tree</c>: the file tree of earlier pipelines (<c>name:&lt;pipeline&gt;</c>).</summary>
public sealed record TreeInput(string Type, string Origin, IReadOnlyList<string> References) : StageInput
{
    public const string InputType = "org.osbuild.tree";

    public static TreeInput OfPipeline(string pipelineName) =>
        new(InputType, PipelineOrigin, [PipelineReference.To(pipelineName)]);
}
