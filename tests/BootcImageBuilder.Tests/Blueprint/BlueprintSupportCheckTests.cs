using BootcImageBuilder.Blueprint;

namespace BootcImageBuilder.Tests.Blueprint;

public class BlueprintSupportCheckTests
{
    private static BlueprintConfig Toml(string text) => BlueprintParser.Parse(text, ConfigFormat.Toml, "c.toml");

    [Fact]
    public void Repositories_on_qcow2_is_one_warning_in_upstreams_words()
    {
        var blueprint = Toml("[[customizations.repositories]]\nid = \"x\"\nbaseurls = [\"https://r\"]\n");

        Assert.Equal(
            ["blueprint validation failed for image type \"qcow2\": customizations.repositories: not supported"],
            BlueprintSupportCheck.Check(blueprint, "qcow2"));
    }

    [Fact]
    public void Every_unsupported_key_is_reported_in_upstream_field_order()
    {
        var blueprint = Toml("""
            name = "n"
            version = "1"
            distro = "fedora-42"
            [[packages]]
            name = "vim"
            [customizations]
            hostname = "h"
            fips = true
            [customizations.kernel]
            name = "kernel-rt"
            append = "quiet"
            [customizations.timezone]
            timezone = "UTC"
            [[customizations.user]]
            name = "alice"
            """);

        Assert.Equal(
            [
                "blueprint validation failed for image type \"raw\": packages: not supported",
                "blueprint validation failed for image type \"raw\": customizations.hostname: not supported",
                "blueprint validation failed for image type \"raw\": customizations.kernel.name: not supported",
                "blueprint validation failed for image type \"raw\": customizations.timezone: not supported",
                "blueprint validation failed for image type \"raw\": customizations.fips: not supported",
                "blueprint validation failed for image type \"raw\": distro: not supported",
            ],
            BlueprintSupportCheck.Check(blueprint, "raw"));
    }

    [Fact]
    public void Disk_options_are_all_supported_on_disk_types()
    {
        var blueprint = Toml(
            "[customizations.kernel]\nappend = \"a\"\n[customizations.sshd]\npassword_authentication = false\n" +
            "[[customizations.user]]\nname = \"a\"\n[[customizations.group]]\nname = \"g\"\n" +
            "[[customizations.files]]\npath = \"/etc/f\"\n[[customizations.directories]]\npath = \"/etc/d\"\n" +
            "[customizations.ignition.firstboot]\nurl = \"https://x\"\n[customizations.disk]\nminsize = 1\n");

        Assert.Empty(BlueprintSupportCheck.Check(blueprint, "ami"));
    }

    [Fact]
    public void Filesystem_is_supported_on_disk_and_pxe_types_as_a_deliberate_fix()
    {
        var blueprint = Toml("[[customizations.filesystem]]\nmountpoint = \"/\"\nminsize = \"10 GiB\"\n");

        Assert.Empty(BlueprintSupportCheck.Check(blueprint, "qcow2"));
        Assert.Empty(BlueprintSupportCheck.Check(blueprint, "pxe-tar-xz"));
        Assert.Equal(
            ["blueprint validation failed for image type \"bootc-installer\": customizations.filesystem: not supported"],
            BlueprintSupportCheck.Check(blueprint, "bootc-installer"));
    }

    [Fact]
    public void Iso_types_support_installer_and_fips_but_not_disk_options()
    {
        var blueprint = Toml(
            "[customizations]\nfips = true\n[customizations.installer]\nunattended = true\n" +
            "[customizations.sshd]\npermit_root_login = \"no\"\n[[customizations.files]]\npath = \"/etc/f\"\n");

        Assert.Equal(
            [
                "blueprint validation failed for image type \"anaconda-iso\": customizations.files: not supported",
                "blueprint validation failed for image type \"anaconda-iso\": customizations.sshd: not supported",
            ],
            BlueprintSupportCheck.Check(blueprint, "anaconda-iso"));
    }

    [Fact]
    public void Pxe_does_not_support_disk_or_ignition()
    {
        var blueprint = Toml("[customizations.disk]\nminsize = 1\n[customizations.ignition.firstboot]\nurl = \"https://x\"\n");

        Assert.Equal(
            [
                "blueprint validation failed for image type \"pxe-tar-xz\": customizations.disk: not supported",
                "blueprint validation failed for image type \"pxe-tar-xz\": customizations.ignition: not supported",
            ],
            BlueprintSupportCheck.Check(blueprint, "pxe-tar-xz"));
    }

    [Fact]
    public void Empty_lists_and_empty_strings_are_not_reported()
    {
        var blueprint = Toml("packages = []\ndistro = \"\"\n[customizations]\nrepositories = []\ninstallation_device = \"\"\n");

        Assert.Empty(BlueprintSupportCheck.Check(blueprint, "qcow2"));
    }

    [Fact]
    public void A_false_flag_still_counts_as_set()
    {
        var blueprint = Toml("[customizations]\nfips = false\n");

        Assert.Equal(["blueprint validation failed for image type \"vmdk\": customizations.fips: not supported"], BlueprintSupportCheck.Check(blueprint, "vmdk"));
    }

    [Theory]
    [InlineData("qcow2", "gce")]
    [InlineData("ova", "raw")]
    [InlineData("iso", "bootc-installer")]
    [InlineData("anaconda-iso", "iso")]
    public void Types_of_one_kind_support_the_same_options(string imageType, string sameKind)
    {
        var full = BlueprintParser.Parse(BlueprintSamples.FullToml, ConfigFormat.Toml, "c.toml");

        Assert.Equal(
            BlueprintSupportCheck.Check(full, sameKind).Select(w => w[w.IndexOf(": ", StringComparison.Ordinal)..]),
            BlueprintSupportCheck.Check(full, imageType).Select(w => w[w.IndexOf(": ", StringComparison.Ordinal)..]));
    }

    [Fact]
    public void Every_key_the_model_holds_is_reported_when_set_and_unsupported()
    {
        var full = BlueprintParser.Parse(BlueprintSamples.FullToml, ConfigFormat.Toml, "c.toml");
        var prefix = "blueprint validation failed for image type \"iso\": ";

        var reported = BlueprintSupportCheck.Check(full, "iso").Select(w => w[prefix.Length..^": not supported".Length]);

        var isoSupported = new[] { "fips", "group", "installer", "kernel", "user" };
        var expected = BlueprintJsonContext.Default.Customizations.Properties
            .Select(p => p.Name)
            .Where(k => !isoSupported.Contains(k))
            .Select(k => $"customizations.{k}")
            .Append("customizations.kernel.name")
            .Concat(["packages", "modules", "enabled_modules", "groups", "containers", "distro", "architecture"]);
        Assert.Equal(expected.Order(StringComparer.Ordinal), reported.Order(StringComparer.Ordinal));
    }
}
