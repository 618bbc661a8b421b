using System.Text.Json.Nodes;

namespace BootcImageBuilder.Osbuild;

/// <summary>Which pipelines osbuild runs to export some of a manifest's pipelines.</summary>
public static class PipelineDependencies
{
    /// <summary>
    /// The exported pipelines and every pipeline they build on (<c>build</c>) or take input from (a <c>name:…</c>
    /// reference anywhere in their stages), transitively, in manifest order.
    /// </summary>
    public static IReadOnlyList<string> NeededFor(Manifest manifest, IEnumerable<string> exports)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var references = manifest.Pipelines.ToDictionary(p => p.Name, ReferencesOf, StringComparer.Ordinal);
        var needed = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(exports);
        while (pending.TryPop(out var name))
        {
            if (references.TryGetValue(name, out var dependencies) && needed.Add(name))
            {
                foreach (var dependency in dependencies)
                {
                    pending.Push(dependency);
                }
            }
        }

        return [.. manifest.Pipelines.Select(p => p.Name).Where(needed.Contains)];
    }

    /// <summary>The pipelines some pipeline of <paramref name="manifest"/> runs its stages in (its <c>build</c>).</summary>
    public static IReadOnlySet<string> BuildRoots(Manifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return manifest.Pipelines
            .Select(p => p.Build)
            .OfType<string>()
            .Where(b => b.StartsWith(PipelineReference.Prefix, StringComparison.Ordinal))
            .Select(b => b[PipelineReference.Prefix.Length..])
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// The trees osbuild took from its store, given the pipelines it <paramref name="started"/>: as osbuild walks back
    /// from each export and stops at a tree its store holds, those are the needed pipelines it did not start that are
    /// exported or read by one it started. What lies behind them was not needed at all, stored or not.
    /// </summary>
    public static IReadOnlyList<string> TakenFromStore(Manifest manifest, IReadOnlyList<string> exports, IReadOnlyCollection<string> started)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(exports);
        ArgumentNullException.ThrowIfNull(started);
        var readByStarted = manifest.Pipelines
            .Where(p => started.Contains(p.Name))
            .SelectMany(ReferencesOf)
            .ToHashSet(StringComparer.Ordinal);
        return [.. NeededFor(manifest, exports).Where(name =>
            !started.Contains(name) && (exports.Contains(name, StringComparer.Ordinal) || readByStarted.Contains(name)))];
    }

    /// <summary>The pipelines <paramref name="pipeline"/> builds on or reads, by name, as often as it names them.</summary>
    public static IReadOnlyList<string> ReferencesOf(Pipeline pipeline)
    {
        var found = new List<string>();
        Collect(JsonNode.Parse(ManifestJson.Serialize(pipeline, JsonLayout.Compact)), found);
        return found;
    }

    private static void Collect(JsonNode? node, List<string> found)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    AddIfReference(key, found);
                    Collect(value, found);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Collect(item, found);
                }

                break;
            case JsonValue value when value.TryGetValue<string>(out var text):
                AddIfReference(text, found);
                break;
        }
    }

    private static void AddIfReference(string text, List<string> found)
    {
        if (text.StartsWith(PipelineReference.Prefix, StringComparison.Ordinal))
        {
            found.Add(text[PipelineReference.Prefix.Length..]);
        }
    }
}
