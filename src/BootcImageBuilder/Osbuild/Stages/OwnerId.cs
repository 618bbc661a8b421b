using System.Text.Json;
using System.Text.Json.Serialization;

namespace BootcImageBuilder.Osbuild;

/// <summary>A user or group given either by name (a JSON string) or by numeric id (a JSON integer).</summary>
[JsonConverter(typeof(OwnerIdJsonConverter))]
public sealed record OwnerId
{
    private OwnerId(string? name, long? id)
    {
        Name = name;
        Id = id;
    }

    public string? Name { get; }

    public long? Id { get; }

    public static OwnerId ByName(string name) => new(name, null);

    public static OwnerId ById(long id) => new(null, id);
}

/// <summary>Writes an <see cref="OwnerId"/> as a string or an integer.</summary>
public sealed class OwnerIdJsonConverter : JsonConverter<OwnerId>
{
    public override OwnerId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Number
            ? OwnerId.ById(reader.GetInt64())
            : OwnerId.ByName(reader.GetString() ?? throw new JsonException("owner must be a string or an integer"));

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
