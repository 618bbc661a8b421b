using System.Text;

namespace BootcImageBuilder.Images.Pipelines;

/// <summary>
/// Path escaping as <c>systemd-escape --path</c> does it, for mount names, device names and unit file names:
/// <c>/</c> is <c>-</c>, <c>/boot/efi</c> is <c>boot-efi</c>, and every byte other than ASCII letters, digits,
/// <c>:</c>, <c>_</c> and a <c>.</c> that does not lead becomes <c>\xNN</c> (a literal <c>-</c> is <c>\x2d</c>, a comma
/// <c>\x2c</c>), so no character of a mountpoint can end a unit name or reach it unescaped.
/// </summary>
public static class SystemdPath
{
    public static string Escape(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "/")
        {
            return "-";
        }

        var escaped = new StringBuilder();
        var bytes = Encoding.UTF8.GetBytes(path.Trim('/'));
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            if (b == '/')
            {
                escaped.Append('-');
            }
            else if (char.IsAsciiLetterOrDigit((char)b) || b is (byte)':' or (byte)'_' || (b == '.' && i > 0))
            {
                escaped.Append((char)b);
            }
            else
            {
                escaped.Append("\\x").Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return escaped.ToString();
    }
}
