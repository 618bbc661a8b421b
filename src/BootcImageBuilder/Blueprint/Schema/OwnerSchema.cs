using System.Text.Json;
using System.Text.Json.Nodes;

namespace BootcImageBuilder.Blueprint.Schema;

/// <summary>The owner of a custom file or directory: a name or a numeric id.</summary>
internal sealed class OwnerSchema : SchemaNode
{
    /// <summary>Upstream's <c>usernameRegex</c> (user) or <c>groupnameRegex</c> (group).</summary>
    public required System.Text.RegularExpressions.Regex NamePattern { get; init; }

    /// <summary>Said when the name does not match; names the rule, not the value.</summary>
    public required string NameProblem { get; init; }

    public override string Describe(ConfigFormat format) => "a string or an integer";

    public override JsonNode? Normalize(JsonNode value, ConfigPath path, ConfigFormat format)
    {
        if (value.GetValueKind() == JsonValueKind.String)
        {
            // Upstream's fsnode name rules: the name reaches /etc/passwd lookups, so no colon, newline or slash.
            var name = value.GetValue<string>();
            return NamePattern.IsMatch(name) ? JsonValue.Create(name) : throw new ConfigException(path, NameProblem);
        }

        if (value.GetValueKind() == JsonValueKind.Number && value.AsValue().TryGetValue<long>(out var id) && id < 0)
        {
            throw new ConfigException(path, "id cannot be negative");
        }

        return value.GetValueKind() == JsonValueKind.Number
            ? IntegerSchema.Id.Normalize(value, path, format)
            : throw WrongType(value, path, format);
    }
}
