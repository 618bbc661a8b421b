using System.Text.Json;

namespace BootcImageBuilder.Osbuild;

/// <summary>
/// Serializes the manifest model to the exact text upstream (Go) produces: struct fields in declaration order,
/// map keys sorted, Go's <c>omitempty</c> rules, Go's string escaping, and a trailing newline.
/// </summary>
public static class ManifestJson
{
    public static string Serialize(Manifest manifest, JsonLayout layout) =>
        GoStyleJsonWriter.Write(JsonSerializer.SerializeToElement(manifest, OsbuildJsonContext.Default.Manifest), layout);

    public static string Serialize(Pipeline pipeline, JsonLayout layout) =>
        GoStyleJsonWriter.Write(JsonSerializer.SerializeToElement(pipeline, OsbuildJsonContext.Default.Pipeline), layout);

    public static string Serialize(Stage stage, JsonLayout layout) =>
        GoStyleJsonWriter.Write(JsonSerializer.SerializeToElement(stage, OsbuildJsonContext.Default.Stage), layout);

    /// <summary>The compact form the <c>manifest</c> command prints.</summary>
    public static string ToCompactString(Manifest manifest) => Serialize(manifest, JsonLayout.Compact);

    /// <summary>The two-space indented form bib saves as <c>manifest-&lt;type&gt;.json</c>.</summary>
    public static string ToIndentedString(Manifest manifest) => Serialize(manifest, JsonLayout.Indented);
}
