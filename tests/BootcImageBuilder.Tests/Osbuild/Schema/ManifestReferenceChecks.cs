using System.Text.Json;

namespace BootcImageBuilder.Tests.Osbuild.Schema;

/// <summary>
/// The checks osbuild makes while loading a manifest that passed its schemas (osbuild-schemas/README.md,
/// "Checks osbuild makes after the schemas pass"): pipeline names, <c>name:</c> references to earlier pipelines,
/// source item references, device parents and mount names/sources, and runners when the runners directory is known.
/// </summary>
public static class ManifestReferenceChecks
{
    private const string NamePrefix = "name:";

    public static IReadOnlyList<SchemaValidationError> Check(JsonElement manifest, string? runnersDirectory)
    {
        var errors = new List<SchemaValidationError>();
        var sourceItems = SourceItemIds(manifest);
        var earlierPipelines = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var pipeline in Array(manifest, "pipelines"))
        {
            var path = $"pipelines/{index++}";
            var name = String(pipeline, "name");
            if (String(pipeline, "build") is { } build)
            {
                CheckPipelineReference(build, earlierPipelines, path + "/build", errors);
            }

            if (String(pipeline, "runner") is { } runner && runnersDirectory is not null && !File.Exists(Path.Combine(runnersDirectory, runner)))
            {
                errors.Add(new(path + "/runner", $"unknown runner '{runner}'"));
            }

            var stageIndex = 0;
            foreach (var stage in Array(pipeline, "stages"))
            {
                CheckStage(stage, $"{path}/stages/{stageIndex++}", earlierPipelines, sourceItems, errors);
            }

            if (name is null)
            {
                errors.Add(new(path, "pipeline has no name"));
            }
            else if (!earlierPipelines.Add(name))
            {
                errors.Add(new(path + "/name", $"duplicate pipeline name '{name}'"));
            }
        }

        return errors;
    }

    private static void CheckStage(
        JsonElement stage, string path, HashSet<string> earlierPipelines, HashSet<string> sourceItems, List<SchemaValidationError> errors)
    {
        foreach (var input in Object(stage, "inputs"))
        {
            var origin = String(input.Value, "origin");
            foreach (var reference in InputReferences(input.Value))
            {
                var referencePath = $"{path}/inputs/{input.Name}/references";
                if (origin == "org.osbuild.pipeline")
                {
                    CheckPipelineReference(reference, earlierPipelines, referencePath, errors);
                }
                else if (origin == "org.osbuild.source" && !sourceItems.Contains(reference))
                {
                    errors.Add(new(referencePath, $"input references unknown source item '{reference}'"));
                }
            }
        }

        var devices = Object(stage, "devices").ToDictionary(d => d.Name, d => String(d.Value, "parent"), StringComparer.Ordinal);
        foreach (var (device, parent) in devices)
        {
            if (parent is not null && !devices.ContainsKey(parent))
            {
                errors.Add(new($"{path}/devices/{device}", $"parent device '{parent}' is not a device of this stage"));
            }
            else if (HasCycle(device, devices))
            {
                errors.Add(new($"{path}/devices/{device}", "device parents form a cycle"));
            }
        }

        var mountNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var mount in Array(stage, "mounts"))
        {
            var name = String(mount, "name") ?? "";
            if (!mountNames.Add(name))
            {
                errors.Add(new($"{path}/mounts/{name}", $"duplicate mount name '{name}'"));
            }

            if (String(mount, "source") is { } source && !devices.ContainsKey(source))
            {
                errors.Add(new($"{path}/mounts/{name}", $"mount source '{source}' is not a device of this stage"));
            }
        }
    }

    private static void CheckPipelineReference(string reference, HashSet<string> earlierPipelines, string path, List<SchemaValidationError> errors)
    {
        if (!reference.StartsWith(NamePrefix, StringComparison.Ordinal))
        {
            errors.Add(new(path, $"'{reference}' is not a pipeline reference (name:<pipeline>)"));
        }
        else if (!earlierPipelines.Contains(reference[NamePrefix.Length..]))
        {
            errors.Add(new(path, $"'{reference}' does not name an earlier pipeline"));
        }
    }

    private static bool HasCycle(string start, Dictionary<string, string?> parents)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { start };
        for (var current = parents[start]; current is not null && parents.TryGetValue(current, out var next); current = next)
        {
            if (!seen.Add(current))
            {
                return true;
            }
        }

        return false;
    }

    // References are an array of ids, an array of {"id": …} objects, or an object keyed by id.
    private static List<string> InputReferences(JsonElement input)
    {
        if (!input.TryGetProperty("references", out var references))
        {
            return [];
        }

        return references.ValueKind switch
        {
            JsonValueKind.Object => references.EnumerateObject().Select(p => p.Name).ToList(),
            JsonValueKind.Array => references.EnumerateArray()
                .Select(r => r.ValueKind == JsonValueKind.String ? r.GetString() : String(r, "id"))
                .OfType<string>()
                .ToList(),
            _ => [],
        };
    }

    private static HashSet<string> SourceItemIds(JsonElement manifest) =>
        Object(manifest, "sources")
            .SelectMany(source => Object(source.Value, "items").Select(item => item.Name))
            .ToHashSet(StringComparer.Ordinal);

    private static List<JsonElement> Array(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray()]
            : [];

    private static List<JsonProperty> Object(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Object
            ? [.. value.EnumerateObject()]
            : [];

    private static string? String(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
