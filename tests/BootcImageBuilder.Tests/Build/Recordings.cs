using System.Text.Json.Nodes;

namespace BootcImageBuilder.Tests.Build;

/// <summary>The osbuild monitor streams recorded from real osbuild runs of this tool's manifests (see Recordings/README.md).</summary>
internal static class Recordings
{
    /// <summary>ppc64le raw + gce of the Debian e2e image, exports <c>image</c> and <c>gce</c>: osbuild succeeded.</summary>
    public const string Success = "ppc64le-raw-gce.jsonseq";

    /// <summary>s390x qcow2 with a file owned by a user the image lacks, export <c>qcow2</c>: the chown stage failed.</summary>
    public const string Failure = "s390x-chown-fails.jsonseq";

    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Build", "Recordings", name);

    public static string Read(string name) => File.ReadAllText(PathOf(name));

    /// <summary>
    /// The stages osbuild runs for <paramref name="exports"/> of the manifest recorded with <paramref name="recording"/>:
    /// the exported pipelines and every pipeline they build on or take input from, in manifest order.
    /// </summary>
    public static IReadOnlyList<(string Pipeline, string Stage)> StagesBuiltFor(string recording, params string[] exports)
    {
        var manifest = JsonNode.Parse(Read(Path.ChangeExtension(recording, ".manifest.json")))!;
        var pipelines = manifest["pipelines"]!.AsArray().Select(p => p!).ToList();
        var needed = new HashSet<string>(exports, StringComparer.Ordinal);
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var pipeline in pipelines.Where(p => needed.Contains((string)p["name"]!)))
            {
                foreach (var dependency in References(pipeline))
                {
                    changed |= needed.Add(dependency);
                }
            }
        }

        return [.. pipelines
            .Where(p => needed.Contains((string)p["name"]!))
            .SelectMany(p => (p["stages"]?.AsArray() ?? []).Select(s => ((string)p["name"]!, (string)s!["type"]!)))];
    }

    private static IEnumerable<string> References(JsonNode pipeline)
    {
        var text = pipeline.ToJsonString();
        foreach (var part in text.Split("\"name:")[1..])
        {
            yield return part[..part.IndexOf('"', StringComparison.Ordinal)];
        }
    }
}
