using System.Globalization;
using System.Text;

namespace BootcImageBuilder.Upload;

/// <summary>
/// Text a server chose (an error message, a task's status) made safe to print on one line: control characters
/// become visible escapes (<c>\n</c>, <c>\r</c>, <c>\t</c>, <c>\xHH</c>, <c>\uHHHH</c>), so a server can neither
/// forge extra lines nor send terminal escape sequences.
/// </summary>
public static class ServerText
{
    public static string Printable(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Any(IsUnsafe))
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when c < 0x80 && IsUnsafe(c) => string.Create(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}"),
                _ when IsUnsafe(c) => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }

    /// <summary>C0 and C1 controls, DEL, and the line and paragraph separators and bidirectional overrides a terminal acts on.</summary>
    private static bool IsUnsafe(char c) =>
        char.IsControl(c) || c is '\u2028' or '\u2029' || c is >= '\u202a' and <= '\u202e' || c is >= '\u2066' and <= '\u2069';
}
