using System.Text.Json.Nodes;

namespace BootcImageBuilder.Tests.Osbuild.Schema;

/// <summary>
/// Builds the per-module schema osbuild checks a version 2 manifest against from a module's
/// <c>*.meta.json</c> (osbuild's <c>ModuleInfo.get_schema(version="2")</c>, as described in osbuild-schemas/README.md).
/// </summary>
public static class EffectiveSchemaBuilder
{
    public static JsonObject Build(OsbuildModuleKind kind, string name, JsonObject meta)
    {
        ArgumentNullException.ThrowIfNull(meta);
        var schema2 = meta["schema_2"]?.DeepClone().AsObject();
        var schema1 = meta["schema"]?.DeepClone().AsObject();
        return kind switch
        {
            OsbuildModuleKind.Stage => Stage(name, schema2, schema1),
            OsbuildModuleKind.Device => Device(name, schema2 ?? schema1),
            OsbuildModuleKind.Mount => Mount(name, schema2),
            OsbuildModuleKind.Source => Merged("Pipeline Source", schema2 ?? schema1),
            OsbuildModuleKind.Input => Merged("Pipeline Input", schema2 ?? schema1),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    private static JsonObject Stage(string name, JsonObject? schema2, JsonObject? schema1)
    {
        var properties = new JsonObject { ["type"] = TypeEnum(name) };
        if (schema2 is not null)
        {
            foreach (var (key, value) in schema2.ToList())
            {
                schema2.Remove(key);
                properties[key] = value;
            }
        }
        else
        {
            properties["options"] = schema1 ?? [];
        }

        if (!properties.ContainsKey("mounts"))
        {
            properties["mounts"] = new JsonObject { ["type"] = "array" };
        }

        if (!properties.ContainsKey("devices"))
        {
            properties["devices"] = new JsonObject { ["type"] = "object", ["additionalProperties"] = true };
        }

        var schema = new JsonObject
        {
            ["title"] = "Pipeline Stage",
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["properties"] = properties,
            ["required"] = new JsonArray("type"),
        };
        HoistDefinitions(schema, properties);
        return schema;
    }

    private static JsonObject Device(string name, JsonObject? options)
    {
        var properties = new JsonObject { ["type"] = TypeEnum(name), ["options"] = options ?? [] };
        var schema = new JsonObject
        {
            ["title"] = "Pipeline Device",
            ["type"] = "object",
            ["additionalProperties"] = true,
            ["properties"] = properties,
        };
        HoistDefinitions(schema, properties);
        return schema;
    }

    private static JsonObject Mount(string name, JsonObject? schema2)
    {
        var schema = Merged("Pipeline Mount", schema2);
        if (schema["properties"] is not JsonObject properties)
        {
            properties = [];
            schema["properties"] = properties;
        }

        properties["type"] = TypeEnum(name);
        return schema;
    }

    private static JsonObject Merged(string title, JsonObject? moduleSchema)
    {
        var schema = new JsonObject { ["title"] = title, ["type"] = "object", ["additionalProperties"] = false };
        if (moduleSchema is not null)
        {
            foreach (var (key, value) in moduleSchema.ToList())
            {
                moduleSchema.Remove(key);
                schema[key] = value;
            }
        }

        return schema;
    }

    // Module schemas are written as if they were the root, so their "#/definitions/x" refs only resolve
    // once the definitions sit at the root of the finished schema.
    private static void HoistDefinitions(JsonObject schema, JsonObject properties)
    {
        if (properties["definitions"] is JsonObject fromProperties)
        {
            properties.Remove("definitions");
            schema["definitions"] = fromProperties;
        }
        else if (properties["options"] is JsonObject options && options["definitions"] is JsonObject fromOptions)
        {
            options.Remove("definitions");
            schema["definitions"] = fromOptions;
        }
    }

    private static JsonObject TypeEnum(string name) => new() { ["enum"] = new JsonArray(name) };
}
