using System.Globalization;
using System.Text.RegularExpressions;

namespace BootcImageBuilder.Distro;

/// <summary>
/// A version as hashicorp/go-version (v1.7.0, what upstream's def lookup uses) reads and orders it: dot-separated
/// numbers with an optional <c>v</c> prefix, pre-release (<c>-beta.1</c>) and metadata (<c>+build</c>). Missing
/// trailing numbers count as zeros (<c>10.0</c> equals <c>10</c>), a pre-release sorts before its release, and
/// metadata does not order.
/// </summary>
public sealed partial class GoVersion
{
    private readonly long[] _segments;

    private GoVersion(long[] segments, string prerelease, string metadata)
    {
        _segments = segments;
        Prerelease = prerelease;
        Metadata = metadata;
    }

    /// <summary>The version with no numbers at all, below every version whose numbers are not all zero.</summary>
    public static GoVersion Empty { get; } = new([], "", "");

    public IReadOnlyList<long> Segments => _segments;

    public string Prerelease { get; }

    public string Metadata { get; }

    /// <summary>Parses <paramref name="text"/>; the messages are go-version's.</summary>
    /// <exception cref="BibException"><c>Malformed version: …</c> or <c>Error parsing version: …</c>.</exception>
    public static GoVersion Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = VersionPattern().Match(text);
        if (!match.Success)
        {
            throw new BibException($"Malformed version: {text}");
        }

        var numbers = match.Groups["numbers"].Value.Split('.');
        var segments = new long[Math.Max(numbers.Length, 3)];
        for (var i = 0; i < numbers.Length; i++)
        {
            if (!long.TryParse(numbers[i], NumberStyles.None, CultureInfo.InvariantCulture, out segments[i]))
            {
                throw new BibException($"Error parsing version: strconv.ParseInt: parsing \"{numbers[i]}\": value out of range");
            }
        }

        var prerelease = match.Groups["pre"].Success ? match.Groups["pre"].Value : match.Groups["prenum"].Value;
        return new GoVersion(segments, prerelease, match.Groups["meta"].Value);
    }

    /// <summary>-1, 0 or 1 as this version sorts before, with or after <paramref name="other"/>.</summary>
    public int CompareTo(GoVersion other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (ToString() == other.ToString())
        {
            return 0;
        }

        if (_segments.AsSpan().SequenceEqual(other._segments))
        {
            return ComparePrereleases(Prerelease, other.Prerelease);
        }

        var longest = Math.Max(_segments.Length, other._segments.Length);
        for (var i = 0; i < longest; i++)
        {
            if (i >= _segments.Length)
            {
                return AllZero(other._segments.AsSpan(i)) ? 0 : -1;
            }

            if (i >= other._segments.Length)
            {
                return AllZero(_segments.AsSpan(i)) ? 0 : 1;
            }

            var order = _segments[i].CompareTo(other._segments[i]);
            if (order != 0)
            {
                return Math.Sign(order);
            }
        }

        return 0;
    }

    /// <summary>The canonical form: all numbers (at least three), then <c>-pre</c> and <c>+metadata</c> when present.</summary>
    public override string ToString()
    {
        var text = string.Join('.', _segments.Select(s => s.ToString(CultureInfo.InvariantCulture)));
        if (Prerelease.Length > 0)
        {
            text += "-" + Prerelease;
        }

        return Metadata.Length > 0 ? text + "+" + Metadata : text;
    }

    private static bool AllZero(ReadOnlySpan<long> segments) => !segments.ContainsAnyExcept(0);

    // A release sorts after its pre-releases; pre-releases compare part by part.
    private static int ComparePrereleases(string self, string other)
    {
        if (self.Length == 0 || other.Length == 0)
        {
            return self.Length == other.Length ? 0 : (self.Length == 0 ? 1 : -1);
        }

        var selfParts = self.Split('.');
        var otherParts = other.Split('.');
        for (var i = 0; i < Math.Max(selfParts.Length, otherParts.Length); i++)
        {
            var order = ComparePart(i < selfParts.Length ? selfParts[i] : "", i < otherParts.Length ? otherParts[i] : "");
            if (order != 0)
            {
                return order;
            }
        }

        return 0;
    }

    // go-version's comparePart, including its quirks: an empty part loses to a number and beats a word, a number
    // loses to a word, and two different numbers that parse equal ("01" and "1") compare as less.
    private static int ComparePart(string self, string other)
    {
        if (self == other)
        {
            return 0;
        }

        var selfNumeric = TryParseGoInt(self, out var selfNumber);
        var otherNumeric = TryParseGoInt(other, out var otherNumber);
        if (self.Length == 0)
        {
            return otherNumeric ? -1 : 1;
        }

        if (other.Length == 0)
        {
            return selfNumeric ? 1 : -1;
        }

        if (selfNumeric != otherNumeric)
        {
            return selfNumeric ? -1 : 1;
        }

        if (!selfNumeric)
        {
            return string.CompareOrdinal(self, other) > 0 ? 1 : -1;
        }

        return selfNumber > otherNumber ? 1 : -1;
    }

    // strconv.ParseInt(s, 10, 64): an optional sign, then decimal digits.
    private static bool TryParseGoInt(string text, out long value) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    // go-version's VersionRegexpRaw, anchored (\z: Go's $ does not match before a final newline).
    [GeneratedRegex(
        @"^v?(?<numbers>[0-9]+(\.[0-9]+)*?)" +
        @"(-(?<prenum>[0-9]+[0-9A-Za-z\-~]*(\.[0-9A-Za-z\-~]+)*)|(-?(?<pre>[A-Za-z\-~]+[0-9A-Za-z\-~]*(\.[0-9A-Za-z\-~]+)*)))?" +
        @"(\+(?<meta>[0-9A-Za-z\-~]+(\.[0-9A-Za-z\-~]+)*))?\z",
        RegexOptions.CultureInvariant)]
    private static partial Regex VersionPattern();
}
