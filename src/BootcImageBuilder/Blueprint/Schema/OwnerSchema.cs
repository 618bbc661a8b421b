using System.Text.Json;
using System.Text.Json.Nodes;

namespace BootcImageBuilder.Blueprint.Schema;

/// <summary>The owner of a custom file or directory: a name or a numeric id.</summary>
internal sealed class OwnerSchema : SchemaNode
{
    public override string Describe(ConfigFormat format) => "a string or an integer";

    public override JsonNode? Normalize(JsonNode value, ConfigPath path, ConfigFormat format)
    {
        if (value.GetValueKind() == JsonValueKind.String)
        {
            return JsonValue.Create(value.GetValue<string>());
        }

        if (value.GetValueKind() == JsonValueKind.Number && value.AsValue().TryGetValue<long>(out var id))
        {
            if (id < 0)
            {
                throw new ConfigException(path, "id cannot be negative");
            }

            return JsonValue.Create(id);
        }

        throw WrongType(value, path, format);
    }
}
