using System.Text.Json;
using System.Text.Json.Nodes;

namespace BootcImageBuilder.Blueprint.Schema;

/// <summary>A data size: integer bytes or a string with a unit (see <see cref="DataSize"/>); canonicalised to bytes.</summary>
internal sealed class SizeSchema : SchemaNode
{
    /// <summary>Offsets may be zero; sizes may not.</summary>
    public bool AllowZero { get; init; }

    public override string Describe(ConfigFormat format) =>
        "a size (a whole number of bytes, or a string such as \"20 GiB\")";

    public override JsonNode? Normalize(JsonNode value, ConfigPath path, ConfigFormat format)
    {
        ulong bytes;
        switch (value.GetValueKind())
        {
            case JsonValueKind.Number:
                var number = value.AsValue();
                if (number.TryGetValue<long>(out var signed))
                {
                    if (signed < 0)
                    {
                        throw new ConfigException(path, "size cannot be negative");
                    }

                    bytes = (ulong)signed;
                }
                else if (!number.TryGetValue(out bytes))
                {
                    throw new ConfigException(path, "size must be a whole number of bytes that fits in 64 bits");
                }

                break;
            case JsonValueKind.String:
                var text = value.GetValue<string>();
                if (text.TrimStart().StartsWith('-'))
                {
                    throw new ConfigException(path, "size cannot be negative");
                }

                if (!DataSize.TryParse(text, out bytes, out var problem))
                {
                    throw new ConfigException(path, problem!);
                }

                break;
            default:
                throw WrongType(value, path, format);
        }

        if (bytes > Disk.DiskBounds.MaxGptBytes)
        {
            throw new ConfigException(path, "size is larger than the largest disk image (8 EiB)");
        }

        if (bytes == 0 && !AllowZero)
        {
            throw new ConfigException(path, "size must be greater than zero");
        }

        return JsonValue.Create(bytes);
    }
}
