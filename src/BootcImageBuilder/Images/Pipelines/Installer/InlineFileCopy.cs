using BootcImageBuilder.Osbuild;

namespace BootcImageBuilder.Images.Pipelines.Installer;

/// <summary>Upstream's <c>GenFileNodesStages</c> for one file: copy an inline source item into the tree.</summary>
public static class InlineFileCopy
{
    /// <summary>
    /// <c>org.osbuild.copy</c> from the input <c>file-&lt;hex&gt;</c> (the inline item of <paramref name="content"/>)
    /// to <c>tree://&lt;path&gt;</c>, replacing what is there.
    /// </summary>
    public static Stage CopyInto(string path, byte[] content)
    {
        var checksum = InlineSource.ChecksumOf(content);
        var inputName = "file-" + checksum["sha256:".Length..];
        return Stage.Of(
            new CopyOptions([new CopyPath($"input://{inputName}/{checksum}", $"tree://{path}", RemoveDestination: true)]),
            inputs: [KeyValuePair.Create<string, StageInput>(inputName, FilesInput.FromSources(checksum))]);
    }
}
