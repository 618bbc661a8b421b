using System.Globalization;
using System.Text.RegularExpressions;

namespace BootcImageBuilder;

/// <summary>
/// Byte units, size arithmetic, and sizes as upstream's <c>datasizes.Parse</c> reads them: a whole number,
/// optionally followed by one of kB, KiB, MB, MiB, GB, GiB, TB, TiB (case-sensitive), e.g. <c>"20 GiB"</c>,
/// <c>"512MiB"</c>, <c>"1000"</c>. Every size in the tool is in bytes.
/// </summary>
public static partial class DataSize
{
    public const ulong KB = 1000;
    public const ulong MB = 1000 * KB;
    public const ulong GB = 1000 * MB;
    public const ulong TB = 1000 * GB;
    public const ulong KiB = 1024;
    public const ulong MiB = 1024 * KiB;
    public const ulong GiB = 1024 * MiB;
    public const ulong TiB = 1024 * GiB;

    /// <summary>What the unit list looks like in messages.</summary>
    public const string Units = "kB, KiB, MB, MiB, GB, GiB, TB or TiB";

    /// <summary>Rounds <paramref name="value"/> up to the next multiple of <paramref name="grain"/>.</summary>
    /// <exception cref="OverflowException">The result does not fit in 64 bits.</exception>
    public static ulong AlignUp(ulong value, ulong grain) =>
        value % grain == 0 ? value : checked(((value / grain) + 1) * grain);

    /// <summary>
    /// Parses <paramref name="text"/>; on failure <paramref name="problem"/> says why without repeating the text, so
    /// callers can report a config key without echoing its value.
    /// </summary>
    public static bool TryParse(string text, out ulong bytes, out string? problem)
    {
        var result = Read(text);
        bytes = result.Bytes;
        problem = result.Problem switch
        {
            null => null,
            SizeProblem.NoNumber => "the size contains no number",
            SizeProblem.UnknownUnit => $"unknown data size unit (a whole number, optionally followed by {Units})",
            _ => "the size is too large",
        };
        return problem is null;
    }

    /// <summary>Parses <paramref name="text"/>, failing with upstream's messages (which quote the text).</summary>
    public static ulong Parse(string text)
    {
        var result = Read(text);
        var trimmed = text.Trim();
        return result.Problem switch
        {
            null => result.Bytes,
            SizeProblem.NoNumber => throw new BibException($"the size string doesn't contain any number: {trimmed}"),
            SizeProblem.UnknownUnit => throw new BibException($"unknown data size units in string: {trimmed}"),
            _ => throw new BibException($"failed to parse size as integer: {DigitsPattern().Match(trimmed).Value}"),
        };
    }

    private static (ulong Bytes, SizeProblem? Problem) Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = SizePattern().Match(text);
        if (!match.Success)
        {
            return (0, DigitsPattern().IsMatch(text) ? SizeProblem.UnknownUnit : SizeProblem.NoNumber);
        }

        if (!ulong.TryParse(match.Groups["number"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return (0, SizeProblem.TooLarge);
        }

        var multiple = match.Groups["unit"].Value switch
        {
            "kB" => KB,
            "KiB" => KiB,
            "MB" => MB,
            "MiB" => MiB,
            "GB" => GB,
            "GiB" => GiB,
            "TB" => TB,
            "TiB" => TiB,
            _ => 1UL,
        };
        return number > ulong.MaxValue / multiple ? (0, SizeProblem.TooLarge) : (number * multiple, null);
    }

    // Go's RE2 \s is ASCII whitespace and [[:digit:]] is ASCII digits; .NET's are Unicode-wide, so spell them out.
    [GeneratedRegex(@"^[ \t\n\f\r]*(?<number>[0-9]+)[ \t\n\f\r]*(?<unit>kB|KiB|MB|MiB|GB|GiB|TB|TiB)?[ \t\n\f\r]*$", RegexOptions.CultureInvariant)]
    private static partial Regex SizePattern();

    [GeneratedRegex("[0-9]+")]
    private static partial Regex DigitsPattern();

    private enum SizeProblem
    {
        NoNumber,
        UnknownUnit,
        TooLarge,
    }
}
