using System.Text.Json;
using System.Text.Json.Serialization;

namespace BootcImageBuilder.Blueprint;

/// <summary>Reads and writes an <see cref="FsNodeOwner"/> as a JSON string or integer.</summary>
public sealed class FsNodeOwnerJsonConverter : JsonConverter<FsNodeOwner>
{
    public override FsNodeOwner Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.String => FsNodeOwner.ByName(reader.GetString()!),
            JsonTokenType.Number when reader.TryGetInt64(out var id) => FsNodeOwner.ById(id),
            _ => throw new JsonException("expected a string or an integer"),
        };

    public override void Write(Utf8JsonWriter writer, FsNodeOwner value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        if (value.Id is { } id)
        {
            writer.WriteNumberValue(id);
        }
        else
        {
            writer.WriteStringValue(value.Name);
        }
    }
}
