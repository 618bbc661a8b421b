using System.Text;
using System.Text.Json.Nodes;

namespace BootcImageBuilder.Tests.Osbuild.Schema;

/// <summary>
/// JsonSchema.Net 8.0.5 throws <see cref="KeyNotFoundException"/> while evaluating a <c>patternProperties</c> key that
/// contains <c>/</c> or <c>~</c> (it looks the key up in its JSON-pointer-escaped form). osbuild uses such keys
/// (<c>^mount://…</c>, <c>^\/…</c>), so they are rewritten to the equivalent escapes <c>\x2f</c> and <c>\x7e</c>,
/// which match the same strings.
/// </summary>
public static class PatternPropertiesWorkaround
{
    public static void Apply(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["patternProperties"] is JsonObject patterns)
                {
                    foreach (var (key, value) in patterns.ToList())
                    {
                        var rewritten = Rewrite(key);
                        if (rewritten != key)
                        {
                            patterns.Remove(key);
                            patterns[rewritten] = value;
                        }
                    }
                }

                foreach (var (_, value) in obj.ToList())
                {
                    Apply(value);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Apply(item);
                }

                break;
        }
    }

    public static string Rewrite(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var builder = new StringBuilder(pattern.Length);
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                var next = pattern[++i];
                builder.Append(next switch { '/' => @"\x2f", '~' => @"\x7e", _ => "\\" + next });
            }
            else
            {
                builder.Append(c switch { '/' => @"\x2f", '~' => @"\x7e", _ => c.ToString() });
            }
        }

        return builder.ToString();
    }
}
