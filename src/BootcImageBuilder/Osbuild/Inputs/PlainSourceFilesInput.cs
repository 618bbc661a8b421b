namespace BootcImageBuilder.Osbuild;

/// <summary>An <c>org.osbuild.files</c> input whose references are a plain list of checksums.</summary>
public sealed record PlainSourceFilesInput(string Type, string Origin, IReadOnlyList<string> References) : StageInput;
