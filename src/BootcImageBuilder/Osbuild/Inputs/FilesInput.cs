namespace BootcImageBuilder.Osbuild;

/// <summary>
/// <c>org.osbuild.files</c> inputs: single files from a pipeline's tree or from a source by checksum.
/// The reference shape differs per origin, so each shape is its own record.
/// </summary>
public static class FilesInput
{
    public const string InputType = "org.osbuild.files";

    /// <summary>The file <paramref name="file"/> of pipeline <paramref name="pipelineName"/>: <c>{"name:p": {"file": f}}</c>.</summary>
    public static PipelineFilesInput FromPipeline(string pipelineName, string file) =>
        new(InputType, StageInput.PipelineOrigin, OsbuildMap.Of((PipelineReference.To(pipelineName), new PipelineFileReference(file))));

    /// <summary>Source items by checksum (<c>sha256:&lt;hex&gt;</c>), written as <c>[{"id": …}]</c>.</summary>
    public static SourceFilesInput FromSources(params IEnumerable<string> checksums) =>
        new(InputType, StageInput.SourceOrigin, [.. checksums.Select(c => new SourceFileReference(c))]);

    /// <summary>Source items by checksum, written as a plain string array.</summary>
    public static PlainSourceFilesInput FromSourcesPlain(params IEnumerable<string> checksums) =>
        new(InputType, StageInput.SourceOrigin, [.. checksums]);
}
