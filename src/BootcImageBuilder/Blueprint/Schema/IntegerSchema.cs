using System.Text.Json;
using System.Text.Json.Nodes;

namespace BootcImageBuilder.Blueprint.Schema;

/// <summary>A whole number that fits a signed 64-bit integer (Go's <c>int</c>), optionally within a range.</summary>
internal sealed class IntegerSchema : SchemaNode
{
    /// <summary>A user or group id: <c>uid_t</c> is 32 bits and <c>(uid_t)-1</c> means "no id".</summary>
    public static IntegerSchema Id { get; } = new() { Minimum = 0, Maximum = MaxId };

    public const long MaxId = uint.MaxValue - 1;

    public long Minimum { get; init; } = long.MinValue;

    public long Maximum { get; init; } = long.MaxValue;

    public override string Describe(ConfigFormat format) => "an integer";

    public override JsonNode? Normalize(JsonNode value, ConfigPath path, ConfigFormat format)
    {
        if (value.GetValueKind() != JsonValueKind.Number)
        {
            throw WrongType(value, path, format);
        }

        if (!value.AsValue().TryGetValue<long>(out var number))
        {
            // Not whole (a type error), or whole but beyond 64 bits (a range error).
            var whole = value.AsValue().TryGetValue<double>(out var real) && Math.Floor(real) == real;
            throw whole ? OutOfRange(path) : WrongType(value, path, format);
        }

        return number < Minimum || number > Maximum ? throw OutOfRange(path) : JsonValue.Create(number);
    }

    private ConfigException OutOfRange(ConfigPath path) =>
        new(path, $"must be a whole number from {Minimum} to {Maximum}");
}
