using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace BootcImageBuilder.Blueprint.Schema;

/// <summary>A string, optionally limited to a set of values or a pattern.</summary>
internal sealed class StringSchema : SchemaNode
{
    public IReadOnlyList<string>? AllowedValues { get; init; }

    /// <summary>An empty string means "not given" (upstream's zero value), so the key is dropped.</summary>
    public bool EmptyMeansAbsent { get; init; }

    public Regex? Pattern { get; init; }

    /// <summary>Said when <see cref="Pattern"/> does not match; must not quote the value.</summary>
    public string? PatternProblem { get; init; }

    public override string Describe(ConfigFormat format) => "a string";

    public override JsonNode? Normalize(JsonNode value, ConfigPath path, ConfigFormat format)
    {
        if (value.GetValueKind() != JsonValueKind.String)
        {
            throw WrongType(value, path, format);
        }

        var text = value.GetValue<string>();
        if (EmptyMeansAbsent && text.Length == 0)
        {
            return null;
        }

        if (AllowedValues is not null && !AllowedValues.Contains(text, StringComparer.Ordinal))
        {
            throw new ConfigException(path, $"unsupported value (expected one of: {string.Join(", ", AllowedValues)})");
        }

        if (Pattern is not null && !Pattern.IsMatch(text))
        {
            throw new ConfigException(path, PatternProblem ?? "invalid value");
        }

        return JsonValue.Create(text);
    }
}
