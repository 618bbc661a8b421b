using System.Text.Json;
using System.Text.Json.Nodes;

namespace BootcImageBuilder.Blueprint.Schema;

/// <summary>A whole number that fits a signed 64-bit integer (Go's <c>int</c>).</summary>
internal sealed class IntegerSchema : SchemaNode
{
    public override string Describe(ConfigFormat format) => "an integer";

    public override JsonNode? Normalize(JsonNode value, ConfigPath path, ConfigFormat format)
    {
        if (value.GetValueKind() == JsonValueKind.Number && value.AsValue().TryGetValue<long>(out var number))
        {
            return JsonValue.Create(number);
        }

        throw WrongType(value, path, format);
    }
}
