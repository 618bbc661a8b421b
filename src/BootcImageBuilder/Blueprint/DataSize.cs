using System.Text.RegularExpressions;

namespace BootcImageBuilder.Blueprint;

/// <summary>
/// Sizes as osbuild's <c>datasizes.Parse</c> reads them: a whole number, optionally followed by one of
/// kB, KiB, MB, MiB, GB, GiB, TB, TiB (case-sensitive), e.g. <c>"20 GiB"</c>, <c>"512MiB"</c>, <c>"1000"</c>.
/// </summary>
public static partial class DataSize
{
    public const ulong KiloByte = 1000;
    public const ulong KibiByte = 1024;
    public const ulong MegaByte = KiloByte * 1000;
    public const ulong MebiByte = KibiByte * 1024;
    public const ulong GigaByte = MegaByte * 1000;
    public const ulong GibiByte = MebiByte * 1024;
    public const ulong TeraByte = GigaByte * 1000;
    public const ulong TebiByte = GibiByte * 1024;

    /// <summary>What the unit list looks like in messages.</summary>
    public const string Units = "kB, KiB, MB, MiB, GB, GiB, TB or TiB";

    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="problem"/> says why without repeating the text.</summary>
    public static bool TryParse(string text, out ulong bytes, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        bytes = 0;
        var match = SizePattern().Match(text.Trim());
        if (!match.Success)
        {
            problem = HasDigit().IsMatch(text)
                ? $"unknown data size unit (a whole number, optionally followed by {Units})"
                : "the size contains no number";
            return false;
        }

        if (!ulong.TryParse(match.Groups["number"].Value, out var number))
        {
            problem = "the size is too large";
            return false;
        }

        var multiple = match.Groups["unit"].Value switch
        {
            "kB" => KiloByte,
            "KiB" => KibiByte,
            "MB" => MegaByte,
            "MiB" => MebiByte,
            "GB" => GigaByte,
            "GiB" => GibiByte,
            "TB" => TeraByte,
            "TiB" => TebiByte,
            _ => 1UL,
        };

        if (number > ulong.MaxValue / multiple)
        {
            problem = "the size is too large";
            return false;
        }

        bytes = number * multiple;
        problem = null;
        return true;
    }

    // Go's RE2 \s is ASCII whitespace and [[:digit:]] is ASCII digits; .NET's are Unicode-wide, so spell them out.
    [GeneratedRegex(@"^[ \t\n\f\r]*(?<number>[0-9]+)[ \t\n\f\r]*(?<unit>kB|KiB|MB|MiB|GB|GiB|TB|TiB)?$", RegexOptions.CultureInvariant)]
    private static partial Regex SizePattern();

    [GeneratedRegex("[0-9]")]
    private static partial Regex HasDigit();
}
