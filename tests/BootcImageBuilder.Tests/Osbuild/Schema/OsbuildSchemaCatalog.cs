using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace BootcImageBuilder.Tests.Osbuild.Schema;

/// <summary>
/// osbuild's schemas: the top-level <c>osbuild2.json</c> and one effective v2 schema per module. Either the project's
/// copy (<c>../shared/osbuild-schemas</c>, with ready-made <c>effective-v2/</c>) or an installed osbuild
/// (<c>/usr/lib/osbuild</c>: <c>schemas/osbuild2.json</c> and <c>&lt;kind&gt;/&lt;name&gt;.meta.json</c>, built here).
/// All schemas are evaluated as draft 6, the nearest dialect to osbuild's draft 4 that the library offers; the
/// schemas use no keyword whose meaning differs between the two.
/// </summary>
public sealed class OsbuildSchemaCatalog
{
    public const string InstalledOsbuildDirectory = "/usr/lib/osbuild";

    private static readonly Lazy<OsbuildSchemaCatalog?> Located = new(Locate);

    private readonly Func<OsbuildModuleKind, string, JsonObject?> loadModuleSchema;
    private readonly ConcurrentDictionary<(OsbuildModuleKind, string), JsonSchema?> moduleSchemas = new();
    private readonly Lazy<JsonSchema> topLevel;

    private OsbuildSchemaCatalog(
        string origin, string topLevelPath, string? runnersDirectory, Func<OsbuildModuleKind, string, JsonObject?> loadModuleSchema)
    {
        Origin = origin;
        RunnersDirectory = runnersDirectory;
        this.loadModuleSchema = loadModuleSchema;
        topLevel = new Lazy<JsonSchema>(() =>
        {
            var node = JsonNode.Parse(File.ReadAllText(topLevelPath))!.AsObject();
            // osbuild2.json names draft 4 and sets "$id", which draft 4 ignores; refs resolve inside the file.
            node.Remove("$schema");
            node.Remove("$id");
            return BuildSchema(node, "osbuild2");
        });
    }

    /// <summary>Where the schemas were read from.</summary>
    public string Origin { get; }

    /// <summary>osbuild's runners directory when known (installed layout), to check pipeline runners against.</summary>
    public string? RunnersDirectory { get; }

    public JsonSchema TopLevel => topLevel.Value;

    /// <summary>The shared copy next to this checkout, else an installed osbuild, else null.</summary>
    public static OsbuildSchemaCatalog? Default => Located.Value;

    /// <summary>The layout of <c>shared/osbuild-schemas</c>: module schemas from <c>effective-v2/</c>.</summary>
    public static OsbuildSchemaCatalog FromSharedLayout(string directory) =>
        new(
            directory,
            Path.Combine(directory, "osbuild2.json"),
            null,
            (kind, name) => ReadObject(Path.Combine(directory, "effective-v2", kind.DirectoryName(), name + ".json")));

    /// <summary>osbuild's installed layout: module schemas built from each module's <c>.meta.json</c>.</summary>
    public static OsbuildSchemaCatalog FromInstalledLayout(string directory) =>
        new(
            directory,
            Path.Combine(directory, "schemas", "osbuild2.json"),
            Path.Combine(directory, "runners"),
            (kind, name) =>
            {
                var moduleDirectory = Path.Combine(directory, kind.DirectoryName());
                if (!File.Exists(Path.Combine(moduleDirectory, name)))
                {
                    return null;
                }

                // A module without meta.json keeps its schema in Python source; accept anything for it.
                var meta = ReadObject(Path.Combine(moduleDirectory, name + ".meta.json")) ?? [];
                return EffectiveSchemaBuilder.Build(kind, name, meta);
            });

    /// <summary>The effective v2 schema of a module, or null when osbuild has no such module.</summary>
    public JsonSchema? Module(OsbuildModuleKind kind, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Contains('/', StringComparison.Ordinal) || name.StartsWith('.'))
        {
            return null;
        }

        return moduleSchemas.GetOrAdd((kind, name), key =>
            loadModuleSchema(key.Item1, key.Item2) is { } node ? BuildSchema(node, $"{key.Item1.DirectoryName()}/{key.Item2}") : null);
    }

    private static OsbuildSchemaCatalog? Locate()
    {
        var shared = SharedReferenceFiles.SharedDirectory is { } dir ? Path.Combine(dir, "osbuild-schemas") : null;
        if (shared is not null && File.Exists(Path.Combine(shared, "osbuild2.json")))
        {
            return FromSharedLayout(shared);
        }

        return File.Exists(Path.Combine(InstalledOsbuildDirectory, "schemas", "osbuild2.json"))
            ? FromInstalledLayout(InstalledOsbuildDirectory)
            : null;
    }

    private static JsonObject? ReadObject(string path) =>
        File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path))!.AsObject() : null;

    private static JsonSchema BuildSchema(JsonObject node, string id)
    {
        PatternPropertiesWorkaround.Apply(node);
        var options = new BuildOptions { Dialect = Dialect.Draft06, SchemaRegistry = new SchemaRegistry() };
        using var document = JsonDocument.Parse(node.ToJsonString());
        return JsonSchema.Build(document.RootElement.Clone(), options, new Uri($"https://osbuild.invalid/{id}"));
    }
}
