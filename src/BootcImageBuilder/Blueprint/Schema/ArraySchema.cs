using System.Text.Json;
using System.Text.Json.Nodes;

namespace BootcImageBuilder.Blueprint.Schema;

/// <summary>An array whose items all follow <see cref="Item"/>.</summary>
internal sealed class ArraySchema(SchemaNode item) : SchemaNode
{
    public SchemaNode Item { get; } = item;

    /// <summary>The most items allowed.</summary>
    public int MaxItems { get; init; } = ConfigLimits.MaxArrayItems;

    public override string Describe(ConfigFormat format) => "an array";

    public override JsonNode? Normalize(JsonNode value, ConfigPath path, ConfigFormat format)
    {
        if (value.GetValueKind() != JsonValueKind.Array)
        {
            throw WrongType(value, path, format);
        }

        var result = new JsonArray();
        var items = value.AsArray();
        if (items.Count > MaxItems)
        {
            throw new ConfigException(path, $"too many items: at most {MaxItems} are allowed");
        }
        for (var i = 0; i < items.Count; i++)
        {
            var itemPath = path.Item(i);
            var item = items[i] ?? throw new ConfigException(itemPath, $"expected {Item.Describe(format)}, got null");
            var normalized = Item.Normalize(item, itemPath, format)
                ?? throw new ConfigException(itemPath, $"expected {Item.Describe(format)}");
            result.Add(normalized);
        }

        return result;
    }
}
