using System.Text.Json.Serialization;

namespace BootcImageBuilder.Osbuild;

/// <summary>An <c>org.osbuild.files</c> input whose references are <c>[{"id": "sha256:…", "options"?: {…}}]</c>.</summary>
public sealed record SourceFilesInput(
    string Type,
    string Origin,
    IReadOnlyList<SourceFileReference> References) : StageInput;

/// <summary>One source item; <paramref name="Options"/> carries metadata such as <c>rpm.check_gpg</c>.</summary>
public sealed record SourceFileReference(string Id, SourceFileOptions? Options = null);

/// <summary>Per-item options of a source file reference.</summary>
public sealed record SourceFileOptions(SourceFileMetadata? Metadata);

/// <summary>Metadata keys osbuild passes to the consuming stage.</summary>
public sealed record SourceFileMetadata(
    [property: JsonPropertyName("rpm.check_gpg")] bool? RpmCheckGpg = null);
