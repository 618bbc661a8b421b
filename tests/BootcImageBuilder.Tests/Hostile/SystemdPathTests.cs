using BootcImageBuilder.Images.Pipelines;

namespace BootcImageBuilder.Tests.Hostile;

/// <summary>Unit names made from mountpoints escape every character a unit name cannot carry, as systemd-escape --path.</summary>
public class SystemdPathTests
{
    [Theory]
    [InlineData("/", "-")]
    [InlineData("/boot/efi", "boot-efi")]
    [InlineData("/var/lib-x", "var-lib\\x2dx")]
    [InlineData("/var/a,b", "var-a\\x2cb")]
    [InlineData("/var/a b", "var-a\\x20b")]
    [InlineData("/var/a\nb", "var-a\\x0ab")]
    [InlineData("/var/.hidden", "var-.hidden")]
    [InlineData("/.x", "\\x2ex")]
    [InlineData("/var/ü", "var-\\xc3\\xbc")]
    [InlineData("/var/a:b_c.d", "var-a:b_c.d")]
    public void A_mountpoint_becomes_a_safe_unit_name(string path, string expected)
    {
        Assert.Equal(expected, SystemdPath.Escape(path));
    }
}
