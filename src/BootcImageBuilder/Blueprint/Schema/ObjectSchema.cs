using System.Text.Json;
using System.Text.Json.Nodes;

namespace BootcImageBuilder.Blueprint.Schema;

/// <summary>A table/object with a closed set of keys: anything else is an unknown key.</summary>
internal sealed class ObjectSchema : SchemaNode
{
    private readonly Dictionary<string, SchemaNode> fields;

    public ObjectSchema(params (string Key, SchemaNode Schema)[] fields)
    {
        Keys = fields.Select(f => f.Key).ToList();
        this.fields = fields.ToDictionary(f => f.Key, f => f.Schema, StringComparer.Ordinal);
    }

    /// <summary>The known keys, in declaration order.</summary>
    public IReadOnlyList<string> Keys { get; }

    public IReadOnlyList<string> Required { get; init => field = value ?? []; } = [];

    /// <summary>Alternative spellings (alias → key); giving both is an error.</summary>
    public IReadOnlyDictionary<string, string> Aliases { get; init; } = new Dictionary<string, string>();

    /// <summary>For variants of a discriminated object: keys that belong to other variants, and what this one is called.</summary>
    public (string Label, IReadOnlySet<string> Keys)? ForeignKeys { get; init; }

    /// <summary>A check across keys of the normalised object (e.g. mutually exclusive keys).</summary>
    public Action<JsonObject, ConfigPath>? Check { get; init; }

    public SchemaNode? Field(string key) => fields.GetValueOrDefault(key);

    public override string Describe(ConfigFormat format) => ObjectWord(format);

    public override JsonNode? Normalize(JsonNode value, ConfigPath path, ConfigFormat format)
    {
        if (value.GetValueKind() != JsonValueKind.Object)
        {
            throw WrongType(value, path, format);
        }

        var source = value.AsObject();
        var result = new JsonObject();
        foreach (var (key, item) in source)
        {
            var isAlias = Aliases.TryGetValue(key, out var aliasTarget);
            var target = isAlias ? aliasTarget! : key;
            if (!fields.TryGetValue(target, out var schema))
            {
                throw UnknownKey(path, key);
            }

            if (item is null)
            {
                continue; // JSON null means "not given", as in Go.
            }

            if (isAlias && source[target] is not null)
            {
                throw new ConfigException(path.Child(key), $"{key} and {target} cannot both be set ({key} is an alias for {target})");
            }

            var normalized = schema.Normalize(item, path.Child(key), format);
            if (normalized is not null)
            {
                result[target] = normalized;
            }
        }

        foreach (var key in Required)
        {
            if (!result.ContainsKey(key))
            {
                throw new ConfigException(path.Child(key), "required key is missing");
            }
        }

        Check?.Invoke(result, path);
        return result;
    }

    private ConfigException UnknownKey(ConfigPath path, string key)
    {
        if (ForeignKeys is { } foreign && foreign.Keys.Contains(key))
        {
            return new ConfigException(path.Child(key), $"not allowed in {foreign.Label}");
        }

        var suggestion = key.Length <= 64 ? KeySuggestion.Closest(key, Keys.Concat(Aliases.Keys)) : null;
        return suggestion is null
            ? new ConfigException(path.Child(key), "unknown key")
            : new ConfigException(path.Child(key), $"unknown key; did you mean {path.Child(suggestion)}?");
    }
}
