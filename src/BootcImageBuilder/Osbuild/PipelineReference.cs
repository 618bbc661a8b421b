namespace BootcImageBuilder.Osbuild;

/// <summary>The <c>name:&lt;pipeline&gt;</c> form osbuild uses for build roots and pipeline inputs.</summary>
public static class PipelineReference
{
    public const string Prefix = "name:";

    public static string To(string pipelineName) => Prefix + pipelineName;
}
