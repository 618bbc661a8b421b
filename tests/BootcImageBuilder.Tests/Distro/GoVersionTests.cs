using BootcImageBuilder.Distro;

namespace BootcImageBuilder.Tests.Distro;

public sealed class GoVersionTests
{
    [Theory]
    [InlineData("10", "10.0.0")]
    [InlineData("9.1.1", "9.1.1")]
    [InlineData("v41", "41.0.0")]
    [InlineData("1.2.3.4", "1.2.3.4")]
    [InlineData("01.04", "1.4.0")]
    [InlineData("40-beta.1", "40.0.0-beta.1")]
    [InlineData("40beta", "40.0.0-beta")]
    [InlineData("40-1+build.7", "40.0.0-1+build.7")]
    public void Parses_to_go_versions_canonical_form(string text, string canonical)
    {
        Assert.Equal(canonical, GoVersion.Parse(text).ToString());
    }

    [Theory]
    [InlineData("xxx")]
    [InlineData("")]
    [InlineData("NaN")]
    [InlineData("9.")]
    [InlineData("9x+")]
    [InlineData("42\n")]
    public void Rejects_what_is_not_a_version_with_go_versions_message(string text)
    {
        var error = Assert.Throws<BibException>(() => GoVersion.Parse(text));

        Assert.Equal($"Malformed version: {text}", error.Message);
    }

    [Fact]
    public void A_number_beyond_int64_is_reported_as_strconv_does()
    {
        var error = Assert.Throws<BibException>(() => GoVersion.Parse("99999999999999999999"));

        Assert.Equal("Error parsing version: strconv.ParseInt: parsing \"99999999999999999999\": value out of range", error.Message);
    }

    [Theory]
    [InlineData("10.0", "10", 0)]
    [InlineData("9.10", "9.1.1", 1)]
    [InlineData("9.10", "9.11", -1)]
    [InlineData("1.2.3.4", "1.2.3", 1)]
    [InlineData("1.2.3.0", "1.2.3", 0)]
    [InlineData("40-beta", "40", -1)]
    [InlineData("40-alpha", "40-beta", -1)]
    [InlineData("40-beta.2", "40-beta.11", -1)]
    [InlineData("40-1", "40-beta", -1)]
    [InlineData("40-beta", "40-beta.1", -1)]
    [InlineData("40+a", "40+b", 0)]
    public void Orders_as_go_version_does(string left, string right, int expected)
    {
        Assert.Equal(expected, GoVersion.Parse(left).CompareTo(GoVersion.Parse(right)));
        Assert.Equal(-expected, GoVersion.Parse(right).CompareTo(GoVersion.Parse(left)));
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("0.0.0", 0)]
    [InlineData("0.0.1", 1)]
    [InlineData("1", 1)]
    public void The_empty_version_is_beaten_only_by_versions_with_a_non_zero_number(string text, int expected)
    {
        Assert.Equal(expected, GoVersion.Parse(text).CompareTo(GoVersion.Empty));
    }
}
