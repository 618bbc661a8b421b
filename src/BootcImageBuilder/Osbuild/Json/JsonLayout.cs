namespace BootcImageBuilder.Osbuild;

/// <summary>How manifest JSON is laid out; both forms end with a newline.</summary>
public enum JsonLayout
{
    /// <summary>No whitespace, as the <c>manifest</c> command prints it.</summary>
    Compact,

    /// <summary>Two-space indentation, as bib saves manifest files.</summary>
    Indented,
}
