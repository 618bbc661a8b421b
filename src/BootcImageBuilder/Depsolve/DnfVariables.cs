using System.Text;

namespace BootcImageBuilder.Depsolve;

/// <summary>
/// dnf's substitution variables (<c>$arch</c>, <c>$basearch</c>, <c>$releasever</c> and the image's var files) and
/// their expansion in repository values as libdnf does it: <c>$name</c>, <c>${name}</c>, <c>${name:-word}</c> and
/// <c>${name:+word}</c>; unknown names are left as they are.
/// </summary>
public sealed class DnfVariables
{
    private readonly Dictionary<string, string> _values;

    public DnfVariables(IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _values = new Dictionary<string, string>(values, StringComparer.Ordinal);
    }

    /// <summary>The variables dnf sets from the request: arch, basearch and the release version with its parts.</summary>
    public static Dictionary<string, string> FromRequest(string arch, string releaseVersion)
    {
        ArgumentNullException.ThrowIfNull(arch);
        ArgumentNullException.ThrowIfNull(releaseVersion);
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["arch"] = arch,
            ["basearch"] = BaseArch(arch),
        };
        if (releaseVersion.Length > 0)
        {
            values["releasever"] = releaseVersion;
            var dot = releaseVersion.IndexOf('.', StringComparison.Ordinal);
            values["releasever_major"] = dot < 0 ? releaseVersion : releaseVersion[..dot];
            values["releasever_minor"] = dot < 0 ? "" : releaseVersion[(dot + 1)..];
        }

        return values;
    }

    /// <summary><paramref name="text"/> with every known variable replaced by its value.</summary>
    public string Expand(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new StringBuilder(text.Length);
        var index = 0;
        while (index < text.Length)
        {
            var dollar = text.IndexOf('$', index);
            if (dollar < 0 || dollar == text.Length - 1)
            {
                result.Append(text, index, text.Length - index);
                break;
            }

            result.Append(text, index, dollar - index);
            index = text[dollar + 1] == '{' ? ExpandBraced(text, dollar, result) : ExpandPlain(text, dollar, result);
        }

        return result.ToString();
    }

    private int ExpandPlain(string text, int dollar, StringBuilder result)
    {
        var end = dollar + 1;
        while (end < text.Length && IsNameCharacter(text[end]))
        {
            end++;
        }

        var name = text[(dollar + 1)..end];
        result.Append(name.Length > 0 && _values.TryGetValue(name, out var value) ? value : text[dollar..end]);
        return Math.Max(end, dollar + 1);
    }

    private int ExpandBraced(string text, int dollar, StringBuilder result)
    {
        var close = text.IndexOf('}', dollar);
        if (close < 0)
        {
            result.Append(text, dollar, text.Length - dollar);
            return text.Length;
        }

        var inner = text[(dollar + 2)..close];
        var colon = inner.IndexOf(':', StringComparison.Ordinal);
        var name = colon < 0 ? inner : inner[..colon];
        var known = _values.TryGetValue(name, out var value);
        if (colon >= 0 && colon + 1 < inner.Length && inner[colon + 1] is '-' or '+')
        {
            var word = inner[(colon + 2)..];
            var set = known && value!.Length > 0;
            result.Append(inner[colon + 1] == '-' ? (set ? value : word) : (set ? word : ""));
        }
        else
        {
            result.Append(known && colon < 0 ? value : text[dollar..(close + 1)]);
        }

        return close + 1;
    }

    private static bool IsNameCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    // dnf.rpm.basearch for the architectures images are built for.
    private static string BaseArch(string arch) => arch switch
    {
        "i386" or "i486" or "i586" or "i686" or "athlon" => "i386",
        "armv7hl" or "armv7hnl" => "armhfp",
        _ => arch,
    };
}
