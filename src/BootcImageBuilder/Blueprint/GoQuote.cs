using System.Globalization;
using System.Text;

namespace BootcImageBuilder.Blueprint;

/// <summary>Quotes text the way Go's <c>%q</c> does, so a quoted name can never break an error onto a second line.</summary>
internal static class GoQuote
{
    public static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        foreach (var rune in text.EnumerateRunes())
        {
            switch (rune.Value)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (IsPrintable(rune))
                    {
                        builder.Append(rune.ToString());
                    }
                    else if (rune.Value <= 0xFFFF)
                    {
                        builder.Append("\\u").Append(rune.Value.ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append("\\U").Append(rune.Value.ToString("x8", CultureInfo.InvariantCulture));
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    private static bool IsPrintable(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
            or UnicodeCategory.OtherNotAssigned => false,
        UnicodeCategory.SpaceSeparator => rune.Value == ' ',
        _ => true,
    };
}
