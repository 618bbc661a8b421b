using System.Text.Json.Nodes;
using BootcImageBuilder.Osbuild;

namespace BootcImageBuilder.Tests.Images.Installer;

/// <summary>A manifest as its JSON, for reading pipelines, stages and sources the way osbuild sees them.</summary>
public sealed class ManifestView(Manifest manifest)
{
    public string Json { get; } = ManifestJson.ToCompactString(manifest);

    public JsonNode Root => JsonNode.Parse(Json)!;

    public IReadOnlyList<string> PipelineNames => [.. Root["pipelines"]!.AsArray().Select(p => (string)p!["name"]!)];

    public JsonArray StagesOf(string pipeline) =>
        Root["pipelines"]!.AsArray().Single(p => (string)p!["name"]! == pipeline)!["stages"]!.AsArray();

    public IReadOnlyList<string> StageTypes(string pipeline) => [.. StagesOf(pipeline).Select(s => (string)s!["type"]!)];

    public JsonNode Stage(string pipeline, string type) => StagesOf(pipeline).Single(s => (string)s!["type"]! == type)!;

    public JsonNode Options(string pipeline, string type) => Stage(pipeline, type)["options"]!;

    public static IReadOnlyList<string> Strings(JsonNode? node) => [.. node!.AsArray().Select(n => (string)n!)];

    /// <summary>The one inline source item's text.</summary>
    public string InlineText()
    {
        var items = Root["sources"]!["org.osbuild.inline"]!["items"]!.AsObject();
        var item = Assert.Single(items);
        Assert.Equal("base64", (string)item.Value!["encoding"]!);
        return System.Text.Encoding.UTF8.GetString(Convert.FromBase64String((string)item.Value!["data"]!));
    }
}
