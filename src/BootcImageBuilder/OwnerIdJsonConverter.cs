using System.Text.Json;
using System.Text.Json.Serialization;

namespace BootcImageBuilder;

/// <summary>Reads and writes an <see cref="OwnerId"/> as a JSON string or integer.</summary>
public sealed class OwnerIdJsonConverter : JsonConverter<OwnerId>
{
    public override OwnerId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.String => OwnerId.ByName(reader.GetString()!),
            JsonTokenType.Number when reader.TryGetInt64(out var id) => OwnerId.ById(id),
            _ => throw new JsonException("expected a string or an integer"),
        };

    public override void Write(Utf8JsonWriter writer, OwnerId value, JsonSerializerOptions options)
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
