using System.Text.Json;
using System.Text.Json.Nodes;

namespace BootcImageBuilder.Blueprint.Schema;

/// <summary>true or false.</summary>
internal sealed class BooleanSchema : SchemaNode
{
    public override string Describe(ConfigFormat format) => "a boolean";

    public override JsonNode? Normalize(JsonNode value, ConfigPath path, ConfigFormat format) => value.GetValueKind() switch
    {
        JsonValueKind.True => JsonValue.Create(true),
        JsonValueKind.False => JsonValue.Create(false),
        _ => throw WrongType(value, path, format),
    };
}
