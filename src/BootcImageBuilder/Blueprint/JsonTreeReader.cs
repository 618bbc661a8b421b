using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BootcImageBuilder.Blueprint;

/// <summary>Reads JSON text (exactly one value, no comments, no duplicate keys) into a JSON tree.</summary>
internal static class JsonTreeReader
{
    public static JsonNode? Read(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { AllowMultipleValues = true, MaxDepth = ConfigLimits.MaxDepth });
        JsonNode? root;
        try
        {
            using var document = JsonDocument.ParseValue(ref reader);
            root = Convert(document.RootElement, ConfigPath.Root);
        }
        catch (JsonException e)
        {
            // The reader's message quotes the offending character; give only the position and our own reason.
            throw string.IsNullOrWhiteSpace(text)
                ? new ConfigException("unexpected end of JSON input")
                : new ConfigException($"invalid JSON at line {(e.LineNumber ?? 0) + 1}, column {(e.BytePositionInLine ?? 0) + 1}{Reason(e)}", e);
        }

        bool more;
        try
        {
            more = reader.Read();
        }
        catch (JsonException)
        {
            more = true;
        }

        if (more)
        {
            throw new ExtraConfigDataException();
        }

        return root;
    }

    private static string Reason(JsonException e) =>
        e.Message.Contains("depth", StringComparison.OrdinalIgnoreCase)
            ? $": values are nested more than {ConfigLimits.MaxDepth} levels deep"
            : "";

    private static JsonNode? Convert(JsonElement element, ConfigPath path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var result = new JsonObject();
                foreach (var property in element.EnumerateObject())
                {
                    if (result.ContainsKey(property.Name))
                    {
                        throw new ConfigException(path.Child(property.Name), "duplicate key");
                    }

                    result[property.Name] = Convert(property.Value, path.Child(property.Name));
                }

                return result;
            case JsonValueKind.Array:
                var array = new JsonArray();
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    array.Add(Convert(item, path.Item(index++)));
                }

                return array;
            case JsonValueKind.Null:
                return null;
            case JsonValueKind.String:
                return JsonValue.Create(ReadString(element, path));
            default:
                return JsonValue.Create(element.Clone());
        }
    }

    // A "\uD800" escape without its pair is valid JSON syntax but no .NET string; say so without the runtime's words.
    private static string ReadString(JsonElement element, ConfigPath path)
    {
        try
        {
            return element.GetString()!;
        }
        catch (InvalidOperationException e)
        {
            throw new ConfigException(path, "the string holds an unpaired UTF-16 surrogate escape (\\uD800-\\uDFFF)", e);
        }
    }
}
