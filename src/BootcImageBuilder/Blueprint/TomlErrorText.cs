namespace BootcImageBuilder.Blueprint;

/// <summary>
/// Says what went wrong in a TOML document in our own words. Tomlyn's messages quote source text (a password on a
/// broken line, an escape character of it) and name .NET options, so none of their text is passed on: each known
/// kind of failure maps to a fixed phrase, anything else is a plain syntax error.
/// </summary>
internal static class TomlErrorText
{
    private static readonly (string Marker, string Phrase)[] Phrases =
    [
        ("maximum depth", $"values are nested more than {ConfigLimits.MaxDepth} levels deep"),
        ("already defined", "a key or table is defined twice"),
        ("newline in a string", "a string is not closed on its line"),
        ("End-Of-File", "the document ends inside a value"),
        ("escape", "a string holds an invalid escape sequence"),
        ("parse integer", "an integer is malformed or out of range"),
        ("parse float", "a number is malformed or out of range"),
        ("Unexpected token", "unexpected token"),
        ("character", "an invalid character"),
    ];

    public static string Describe(string tomlynMessage)
    {
        foreach (var (marker, phrase) in Phrases)
        {
            if (tomlynMessage.Contains(marker, StringComparison.OrdinalIgnoreCase))
            {
                return phrase;
            }
        }

        return "syntax error";
    }
}
