using System.Globalization;
using System.Text.RegularExpressions;

namespace BootcImageBuilder.Disk;

/// <summary>Byte units and the size arithmetic partition layout needs; every size in this namespace is in bytes.</summary>
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

    /// <summary>Rounds <paramref name="value"/> up to the next multiple of <paramref name="grain"/>.</summary>
    public static ulong AlignUp(ulong value, ulong grain) =>
        value % grain == 0 ? value : ((value / grain) + 1) * grain;

    /// <summary>
    /// Reads sizes as upstream's datasizes do: a plain byte count (<c>1048576</c>) or a number with
    /// one of the units kB, KiB, MB, MiB, GB, GiB, TB, TiB (<c>"1 GiB"</c>, <c>"500MiB"</c>).
    /// </summary>
    public static ulong Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        var digits = DigitsPattern().Match(trimmed);
        if (!digits.Success)
        {
            throw new BibException($"the size string doesn't contain any number: {trimmed}");
        }

        if (!ulong.TryParse(digits.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            throw new BibException($"failed to parse size as integer: {digits.Value}");
        }

        var match = SizePattern().Match(trimmed);
        if (!match.Success)
        {
            throw new BibException($"unknown data size units in string: {trimmed}");
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
        return checked(number * multiple);
    }

    [GeneratedRegex("[0-9]+")]
    private static partial Regex DigitsPattern();

    [GeneratedRegex(@"^\s*[0-9]+\s*(?<unit>kB|KiB|MB|MiB|GB|GiB|TB|TiB)?$")]
    private static partial Regex SizePattern();
}
