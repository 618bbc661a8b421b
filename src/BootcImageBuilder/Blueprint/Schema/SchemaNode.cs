using System.Text.Json;
using System.Text.Json.Nodes;

namespace BootcImageBuilder.Blueprint.Schema;

/// <summary>
/// One node of the known key tree. <see cref="Normalize"/> checks a parsed value against it and returns the value in the
/// canonical shape the model deserialises from (sizes in bytes, aliases resolved, defaults filled in).
/// </summary>
internal abstract class SchemaNode
{
    /// <summary>How the expected shape reads in "expected …" messages.</summary>
    public abstract string Describe(ConfigFormat format);

    /// <summary>Returns the canonical value, or null to leave the key out; throws <see cref="ConfigException"/>.</summary>
    public abstract JsonNode? Normalize(JsonNode value, ConfigPath path, ConfigFormat format);

    protected ConfigException WrongType(JsonNode value, ConfigPath path, ConfigFormat format) =>
        new(path, $"expected {Describe(format)}, got {DescribeFound(value, format)}");

    /// <summary>Names the kind of a value (never the value itself).</summary>
    internal static string DescribeFound(JsonNode value, ConfigFormat format) => value.GetValueKind() switch
    {
        JsonValueKind.Object => ObjectWord(format),
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Number when value.AsValue().TryGetValue<long>(out _) => "an integer",
        JsonValueKind.Number => "a number",
        _ => "null",
    };

    internal static string ObjectWord(ConfigFormat format) => format == ConfigFormat.Toml ? "a table" : "an object";
}
