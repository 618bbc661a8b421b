namespace BootcImageBuilder.Containers;

/// <summary>
/// <c>KEY=value</c> files such as os-release(5) and <c>/etc/selinux/config</c>: blank lines and <c>#</c> comments are
/// skipped, keys and values trimmed, later keys win.
/// </summary>
public static class KeyValueLines
{
    /// <summary>The pairs of <paramref name="text"/>, or null when a line has no <c>=</c>.</summary>
    public static Dictionary<string, string>? TryParse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim();
            // Upstream does not skip comments in os-release (a comment without "=" fails there); os-release(5) allows them.
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                return null;
            }

            fields[line[..equals].Trim()] = line[(equals + 1)..].Trim();
        }

        return fields;
    }
}
