using System.Globalization;
using System.Text;
using System.Text.Json;

namespace BootcImageBuilder.Osbuild;

/// <summary>
/// Writes a JSON document the way Go's <c>encoding/json</c> does (<c>Marshal</c> / <c>MarshalIndent</c> with two
/// spaces), keeping the member order of the input. Go escapes <c>&lt; &gt; &amp;</c>, U+2028 and U+2029 and
/// control characters, and writes all other text, including non-ASCII, as is.
/// </summary>
internal static class GoStyleJsonWriter
{
    public static string Write(JsonElement element, JsonLayout layout)
    {
        var builder = new StringBuilder();
        WriteValue(builder, element, layout, 0);
        builder.Append('\n');
        return builder.ToString();
    }

    private static void WriteValue(StringBuilder builder, JsonElement element, JsonLayout layout, int depth)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                WriteContainer(builder, '{', '}', element.EnumerateObject().ToList(), layout, depth, (b, p) =>
                {
                    WriteString(b, p.Name);
                    b.Append(layout == JsonLayout.Indented ? ": " : ":");
                    WriteValue(b, p.Value, layout, depth + 1);
                });
                break;
            case JsonValueKind.Array:
                WriteContainer(builder, '[', ']', element.EnumerateArray().ToList(), layout, depth, (b, item) =>
                    WriteValue(b, item, layout, depth + 1));
                break;
            case JsonValueKind.String:
                WriteString(builder, element.GetString()!);
                break;
            default:
                // Numbers keep their text (integers stay integers); true, false and null are literal.
                builder.Append(element.GetRawText());
                break;
        }
    }

    private static void WriteContainer<T>(
        StringBuilder builder, char open, char close, List<T> items, JsonLayout layout, int depth, Action<StringBuilder, T> writeItem)
    {
        builder.Append(open);
        if (items.Count == 0)
        {
            builder.Append(close);
            return;
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            NewLine(builder, layout, depth + 1);
            writeItem(builder, items[i]);
        }

        NewLine(builder, layout, depth);
        builder.Append(close);
    }

    private static void NewLine(StringBuilder builder, JsonLayout layout, int depth)
    {
        if (layout == JsonLayout.Indented)
        {
            builder.Append('\n').Append(' ', depth * 2);
        }
    }

    private static void WriteString(StringBuilder builder, string value)
    {
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                case '<' or '>' or '&' or '\u2028' or '\u2029' or < ' ':
                    builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default: builder.Append(c); break;
            }
        }

        builder.Append('"');
    }
}
