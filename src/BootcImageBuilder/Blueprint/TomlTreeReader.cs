using System.Text.Json.Nodes;
using Tomlyn;
using Tomlyn.Model;
using Tomlyn.Parsing;

namespace BootcImageBuilder.Blueprint;

/// <summary>Reads TOML text into the same JSON tree JSON configs become, so one validator serves both formats.</summary>
internal static class TomlTreeReader
{
    public static JsonObject Read(string text)
    {
        // The syntax parser checks the whole document (including duplicate keys/tables, which the table
        // deserialiser alone lets through); the table deserialiser then merges tables and arrays of tables.
        Tomlyn.Syntax.DocumentSyntax document;
        try
        {
            document = SyntaxParser.Parse(text);
        }
        catch (TomlException e)
        {
            throw new ConfigException(SyntaxError(e.Line ?? 0, e.Column ?? 0, e.Message), e);
        }
        catch (Exception e) when (IsParserFault(e))
        {
            throw new ConfigException(ParserFault, e);
        }

        var error = document.Diagnostics.FirstOrDefault(d => d.Kind == Tomlyn.Syntax.DiagnosticMessageKind.Error);
        if (error is not null)
        {
            var start = error.Span.Start;
            throw new ConfigException(SyntaxError(start.Line + 1, start.Column + 1, error.Message));
        }

        if (NestingDepth(document) > ConfigLimits.MaxDepth)
        {
            throw new ConfigException($"invalid TOML: values are nested more than {ConfigLimits.MaxDepth} levels deep");
        }

        TomlTable table;
        try
        {
            table = TomlSerializer.Deserialize(text, TomlModelContext.Default.TomlTable) ?? [];
        }
        catch (TomlException e)
        {
            throw new ConfigException(SyntaxError(e.Line ?? 0, e.Column ?? 0, e.Message), e);
        }
        catch (Exception e) when (IsParserFault(e))
        {
            throw new ConfigException(ParserFault, e);
        }

        return ConvertTable(table, ConfigPath.Root);
    }

    private const string ParserFault = "invalid TOML: the document could not be parsed";

    // Tomlyn throws these (not TomlException) on some malformed input, e.g. a code point it cannot decode.
    private static bool IsParserFault(Exception e) =>
        e is ArgumentException or InvalidOperationException or IndexOutOfRangeException or FormatException or OverflowException;

    // Position 0 means Tomlyn did not say where.
    private static string SyntaxError(int line, int column, string message) => line > 0
        ? $"invalid TOML at line {line}, column {column}: {TomlErrorText.Describe(message)}"
        : $"invalid TOML: {TomlErrorText.Describe(message)}";

    /// <summary>How deeply the document's values nest, counting inline tables and arrays within a key's value.</summary>
    private static int NestingDepth(Tomlyn.Syntax.DocumentSyntax document)
    {
        var deepest = 0;
        var stack = new Stack<(Tomlyn.Syntax.SyntaxNode Node, int Depth)>();
        stack.Push((document, 0));
        while (stack.Count > 0)
        {
            var (node, depth) = stack.Pop();
            var here = node is Tomlyn.Syntax.ArraySyntax or Tomlyn.Syntax.InlineTableSyntax ? depth + 1 : depth;
            deepest = Math.Max(deepest, here);
            if (deepest > ConfigLimits.MaxDepth)
            {
                return deepest;
            }

            for (var i = 0; i < node.ChildrenCount; i++)
            {
                if (node.GetChild(i) is { } child)
                {
                    stack.Push((child, here));
                }
            }
        }

        return deepest;
    }

    private static JsonObject ConvertTable(TomlTable table, ConfigPath path)
    {
        var result = new JsonObject();
        foreach (var (key, value) in table)
        {
            result[key] = Convert(value, path.Child(key));
        }

        return result;
    }

    private static JsonNode Convert(object? value, ConfigPath path) => value switch
    {
        TomlTable table => ConvertTable(table, path),
        TomlTableArray tables => new JsonArray(tables.Select((t, i) => (JsonNode)ConvertTable(t, path.Item(i))).ToArray()),
        TomlArray array => new JsonArray(array.Select((v, i) => Convert(v, path.Item(i))).ToArray()),
        string text => JsonValue.Create(text),
        long number => JsonValue.Create(number),
        double number => JsonValue.Create(number),
        bool flag => JsonValue.Create(flag),
        TomlDateTime => throw new ConfigException(path, "date/time values are not accepted anywhere in a blueprint"),
        _ => throw new ConfigException(path, "unsupported TOML value"),
    };
}
