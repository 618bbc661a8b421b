using System.Text.Json;
using System.Text.Json.Nodes;

namespace BootcImageBuilder.Blueprint.Schema;

/// <summary>
/// An object whose allowed keys depend on its discriminator (e.g. a partition's <c>type</c>: plain, lvm or btrfs),
/// as upstream decodes each variant strictly. The canonical discriminator value is always written out.
/// </summary>
internal sealed class VariantObjectSchema : SchemaNode
{
    private readonly Dictionary<string, ObjectSchema> variants;

    /// <param name="discriminator">The key that selects the variant.</param>
    /// <param name="defaultVariant">Used when the key is absent; null makes the key required.</param>
    /// <param name="ignoreCase">Whether the discriminator value is matched case-insensitively.</param>
    /// <param name="label">Names an instance in messages, e.g. <c>partition</c>.</param>
    /// <param name="variants">Each variant's fields (the discriminator is added to each).</param>
    public VariantObjectSchema(
        string discriminator,
        string? defaultVariant,
        bool ignoreCase,
        string label,
        params (string Name, ObjectSchema Fields)[] variants)
    {
        Discriminator = discriminator;
        DefaultVariant = defaultVariant;
        IgnoreCase = ignoreCase;
        Names = variants.Select(v => v.Name).ToList();
        this.variants = variants.ToDictionary(
            v => v.Name,
            v =>
            {
                var others = variants.Where(o => o.Name != v.Name).SelectMany(o => o.Fields.Keys)
                    .Except(v.Fields.Keys).ToHashSet(StringComparer.Ordinal);
                var fieldList = v.Fields.Keys.Select(k => (k, v.Fields.Field(k)!))
                    .Prepend((discriminator, (SchemaNode)new StringSchema())).ToArray();
                return new ObjectSchema(fieldList)
                {
                    Required = v.Fields.Required,
                    Aliases = v.Fields.Aliases,
                    Check = v.Fields.Check,
                    ForeignKeys = ($"a \"{v.Name}\" {label}", others),
                };
            },
            StringComparer.Ordinal);
    }

    public string Discriminator { get; }

    public string? DefaultVariant { get; }

    public bool IgnoreCase { get; }

    public IReadOnlyList<string> Names { get; }

    public ObjectSchema Variant(string name) => variants[name];

    public override string Describe(ConfigFormat format) => ObjectWord(format);

    public override JsonNode? Normalize(JsonNode value, ConfigPath path, ConfigFormat format)
    {
        if (value.GetValueKind() != JsonValueKind.Object)
        {
            throw WrongType(value, path, format);
        }

        var selector = value.AsObject()[Discriminator];
        var typePath = path.Child(Discriminator);
        string name;
        if (selector is null)
        {
            name = DefaultVariant ?? throw new ConfigException(typePath, "required key is missing");
        }
        else if (selector.GetValueKind() == JsonValueKind.String)
        {
            var given = selector.GetValue<string>();
            name = IgnoreCase ? given.ToLowerInvariant() : given;
            if (name.Length == 0 && DefaultVariant is not null)
            {
                name = DefaultVariant;
            }
        }
        else
        {
            throw new ConfigException(typePath, $"expected a string, got {DescribeFound(selector, format)}");
        }

        if (!variants.TryGetValue(name, out var schema))
        {
            throw new ConfigException(typePath, $"unsupported value (expected one of: {string.Join(", ", Names)})");
        }

        var result = (JsonObject)schema.Normalize(value, path, format)!;
        result[Discriminator] = name;
        return result;
    }
}
