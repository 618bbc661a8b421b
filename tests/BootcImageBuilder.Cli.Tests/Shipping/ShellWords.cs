using System.Text;

namespace BootcImageBuilder.Cli.Tests.Shipping;

/// <summary>
/// Splits shell text the way sh reads the simple commands in docs and Containerfiles: a backslash-newline joins
/// lines, single quotes keep everything, double quotes keep all but <c>\"</c> and <c>\\</c>, a backslash outside
/// quotes escapes the next character, unquoted whitespace separates words. No expansions.
/// </summary>
internal static class ShellWords
{
    public static IReadOnlyList<string> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = text.Replace("\\\r\n", "", StringComparison.Ordinal).Replace("\\\n", "", StringComparison.Ordinal);
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\'':
                    var close = text.IndexOf('\'', i + 1);
                    if (close < 0)
                    {
                        throw new FormatException($"unterminated single quote in: {text}");
                    }

                    word.Append(text, i + 1, close - i - 1);
                    i = close;
                    inWord = true;
                    break;
                case '"':
                    i = ReadDoubleQuoted(text, i + 1, word);
                    inWord = true;
                    break;
                case '\\' when i + 1 < text.Length:
                    word.Append(text[++i]);
                    inWord = true;
                    break;
                case var _ when char.IsWhiteSpace(c):
                    if (inWord)
                    {
                        words.Add(word.ToString());
                        word.Clear();
                        inWord = false;
                    }

                    break;
                default:
                    word.Append(c);
                    inWord = true;
                    break;
            }
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    /// <summary>Appends the double-quoted text starting at <paramref name="start"/>; returns the closing quote's index.</summary>
    private static int ReadDoubleQuoted(string text, int start, StringBuilder word)
    {
        for (var i = start; i < text.Length; i++)
        {
            if (text[i] == '"')
            {
                return i;
            }

            if (text[i] == '\\' && i + 1 < text.Length && text[i + 1] is '"' or '\\' or '$' or '`')
            {
                i++;
            }

            word.Append(text[i]);
        }

        throw new FormatException($"unterminated double quote in: {text}");
    }
}
