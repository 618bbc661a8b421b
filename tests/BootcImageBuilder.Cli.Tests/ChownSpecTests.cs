using BootcImageBuilder.Building;
using BootcImageBuilder.Cli.Settings;

namespace BootcImageBuilder.Cli.Tests;

public class ChownSpecTests
{
    [Theory]
    [InlineData("1000:1000", 1000, 1000)]
    [InlineData("0:0", 0, 0)]
    [InlineData("1000", 1000, null)]
    public void Valid_specs_parse(string text, int uid, int? gid)
    {
        Assert.Equal(new ChownSpec(uid, gid), ChownSpec.Parse(text));
    }

    [Theory]
    [InlineData("-1:-1")]
    [InlineData("-1")]
    [InlineData("alice")]
    [InlineData("1000:")]
    [InlineData(":1000")]
    [InlineData("1:2:3")]
    [InlineData("+5")]
    [InlineData("99999999999")]
    public void Invalid_specs_are_refused_clearly(string text)
    {
        var error = Assert.Throws<BibException>(() => ChownSpec.Parse(text));

        Assert.Equal($"cannot parse chown: \"{text}\" is not UID[:GID] with non-negative numeric ids", error.Message);
    }
}
