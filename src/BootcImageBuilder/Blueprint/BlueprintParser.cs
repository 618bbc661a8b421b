using System.Text.Json;
using System.Text.Json.Nodes;
using BootcImageBuilder.Blueprint.Schema;

namespace BootcImageBuilder.Blueprint;

/// <summary>
/// Turns config text into a <see cref="BlueprintConfig"/>. TOML and JSON are read into one JSON tree, the legacy
/// <c>{"blueprint": {…}}</c> wrapper is removed, the tree is checked against every key upstream knows (unknown keys
/// and wrong types are fatal), canonicalised, and deserialised with the source-generated context.
/// </summary>
public static class BlueprintParser
{
    private const string LegacyWrapperKey = "blueprint";

    /// <summary>Parses <paramref name="text"/>.</summary>
    /// <param name="text">The config text.</param>
    /// <param name="format">Its syntax.</param>
    /// <param name="sourceName">The file name as the user gave it (<c>-</c> for stdin); used in messages.</param>
    /// <exception cref="BibException">One line, <c>cannot decode "&lt;source&gt;": …</c>; never contains a value from the config.</exception>
    public static BlueprintConfig Parse(string text, ConfigFormat format, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sourceName);
        try
        {
            var tree = format == ConfigFormat.Toml ? TomlTreeReader.Read(text) : JsonTreeReader.Read(text);
            if (tree is null)
            {
                return BlueprintConfig.Empty;
            }

            var (content, path) = Unwrap(tree, format);
            var normalized = BlueprintSchema.Root.Normalize(content, path, format)!;
            return normalized.Deserialize(BlueprintJsonContext.Default.BlueprintConfig) ?? BlueprintConfig.Empty;
        }
        catch (ConfigException e)
        {
            throw new BibException(OneLine($"cannot decode {GoQuote.Quote(sourceName)}: {e.Message}"), e);
        }
        catch (ExtraConfigDataException e)
        {
            throw new BibException($"multiple configuration objects or extra data found in {GoQuote.Quote(sourceName)}", e);
        }
        catch (JsonException e)
        {
            // Unreachable once the schema accepted the tree; kept so a mismatch still surfaces as a config error.
            throw new BibException(OneLine($"cannot decode {GoQuote.Quote(sourceName)}: {e.Path}: invalid value"), e);
        }
    }

    /// <summary>bib configs from before 2024-05 wrapped the blueprint in a <c>blueprint</c> key.</summary>
    private static (JsonNode Content, ConfigPath Path) Unwrap(JsonNode tree, ConfigFormat format)
    {
        if (tree is not JsonObject root || !root.ContainsKey(LegacyWrapperKey))
        {
            return (tree, ConfigPath.Root);
        }

        var path = ConfigPath.Root.Child(LegacyWrapperKey);
        var other = root.Select(p => p.Key).FirstOrDefault(k => k != LegacyWrapperKey);
        if (other is not null)
        {
            throw new ConfigException(ConfigPath.Root.Child(other), "not allowed next to the legacy \"blueprint\" wrapper");
        }

        return root[LegacyWrapperKey] is JsonObject inner
            ? (inner, path)
            : throw new ConfigException(path, $"expected {SchemaNode.ObjectWord(format)} (the legacy wrapper)");
    }

    private static string OneLine(string message) =>
        message.Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
