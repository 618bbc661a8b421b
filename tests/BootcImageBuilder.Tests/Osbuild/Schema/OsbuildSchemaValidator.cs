using System.Text.Json;
using Json.Schema;

namespace BootcImageBuilder.Tests.Osbuild.Schema;

/// <summary>
/// Validates a version 2 manifest the way osbuild does (<c>osbuild/formats/v2.py</c> <c>validate</c>, then the loader's
/// reference checks): the document against <c>osbuild2.json</c>, each source, stage, device, input and mount against its
/// module schema, errors collected, de-duplicated and sorted. Reference checks run only when the schemas pass.
/// </summary>
public sealed class OsbuildSchemaValidator(OsbuildSchemaCatalog catalog)
{
    private static readonly EvaluationOptions Evaluation = new() { OutputFormat = OutputFormat.List };

    public IReadOnlyList<SchemaValidationError> Validate(string manifestJson)
    {
        using var document = JsonDocument.Parse(manifestJson);
        var root = document.RootElement;
        var errors = new SortedSet<SchemaValidationError>(Comparer<SchemaValidationError>.Create(
            (a, b) => string.CompareOrdinal(a.ToString(), b.ToString())));

        Check(catalog.TopLevel, root, "", errors);
        if (root.ValueKind == JsonValueKind.Object)
        {
            ValidateSources(root, errors);
            ValidatePipelines(root, errors);
        }

        return errors.Count > 0 ? [.. errors] : ManifestReferenceChecks.Check(root, catalog.RunnersDirectory);
    }

    private void ValidateSources(JsonElement root, SortedSet<SchemaValidationError> errors)
    {
        if (!root.TryGetProperty("sources", out var sources) || sources.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var source in sources.EnumerateObject())
        {
            CheckModule(OsbuildModuleKind.Source, source.Name, source.Value, $"sources/{source.Name}", errors);
        }
    }

    private void ValidatePipelines(JsonElement root, SortedSet<SchemaValidationError> errors)
    {
        if (!root.TryGetProperty("pipelines", out var pipelines) || pipelines.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        var i = 0;
        foreach (var pipeline in pipelines.EnumerateArray())
        {
            if (pipeline.ValueKind == JsonValueKind.Object
                && pipeline.TryGetProperty("stages", out var stages)
                && stages.ValueKind == JsonValueKind.Array)
            {
                var j = 0;
                foreach (var stage in stages.EnumerateArray())
                {
                    ValidateStage(stage, $"pipelines/{i}/stages/{j}", errors);
                    j++;
                }
            }

            i++;
        }
    }

    private void ValidateStage(JsonElement stage, string path, SortedSet<SchemaValidationError> errors)
    {
        if (stage.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        CheckModule(OsbuildModuleKind.Stage, TypeOf(stage), stage, path, errors);

        if (stage.TryGetProperty("devices", out var devices) && devices.ValueKind == JsonValueKind.Object)
        {
            foreach (var device in devices.EnumerateObject())
            {
                CheckTypedEntry(OsbuildModuleKind.Device, device.Value, $"{path}/devices/{device.Name}", errors);
            }
        }

        if (stage.TryGetProperty("inputs", out var inputs) && inputs.ValueKind == JsonValueKind.Object)
        {
            foreach (var input in inputs.EnumerateObject())
            {
                CheckTypedEntry(OsbuildModuleKind.Input, input.Value, $"{path}/inputs/{input.Name}", errors);
            }
        }

        if (stage.TryGetProperty("mounts", out var mounts) && mounts.ValueKind == JsonValueKind.Array)
        {
            foreach (var mount in mounts.EnumerateArray())
            {
                var name = mount.ValueKind == JsonValueKind.Object && mount.TryGetProperty("name", out var n) ? n.ToString() : "";
                CheckTypedEntry(OsbuildModuleKind.Mount, mount, $"{path}/mounts/{name}", errors);
            }
        }
    }

    // Entries without a "type" are skipped, as osbuild does.
    private void CheckTypedEntry(OsbuildModuleKind kind, JsonElement entry, string path, SortedSet<SchemaValidationError> errors)
    {
        if (entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("type", out _))
        {
            CheckModule(kind, TypeOf(entry), entry, path, errors);
        }
    }

    private void CheckModule(OsbuildModuleKind kind, string name, JsonElement instance, string path, SortedSet<SchemaValidationError> errors)
    {
        if (catalog.Module(kind, name) is { } schema)
        {
            Check(schema, instance, path, errors);
        }
        else
        {
            errors.Add(new SchemaValidationError(path, $"could not find schema information for '{name}'"));
        }
    }

    private static string TypeOf(JsonElement entry) =>
        entry.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String ? type.GetString()! : type.ToString();

    private static void Check(JsonSchema schema, JsonElement instance, string prefix, SortedSet<SchemaValidationError> errors)
    {
        var results = schema.Evaluate(instance, Evaluation);
        if (results.IsValid)
        {
            return;
        }

        foreach (var result in (IEnumerable<EvaluationResults>)[results, .. results.Details ?? []])
        {
            foreach (var (keyword, message) in result.Errors ?? new Dictionary<string, string>())
            {
                var location = result.InstanceLocation.ToString().TrimStart('/');
                var path = string.Join('/', new[] { prefix, location }.Where(p => p.Length > 0));
                errors.Add(new SchemaValidationError(path, $"{keyword}: {message}"));
            }
        }
    }
}
