using BootcImageBuilder.Containers;

namespace BootcImageBuilder.Tests.Containers;

public sealed class OsReleaseParserTests
{
    [Fact]
    public void Values_lose_surrounding_whitespace_and_double_quotes()
    {
        var fields = OsReleaseParser.ParseFields("  NAME = \"Fedora Linux\"  \nID=fedora\nVERSION_CODENAME=\"\"\n\nLOGO='single'\n");

        Assert.Equal(
            new Dictionary<string, string> { ["NAME"] = "Fedora Linux", ["ID"] = "fedora", ["VERSION_CODENAME"] = "", ["LOGO"] = "'single'" },
            fields);
    }

    [Fact]
    public void Comment_lines_are_skipped()
    {
        Assert.Equal(new Dictionary<string, string> { ["ID"] = "rhel" }, OsReleaseParser.ParseFields("# a comment\nID=rhel\n"));
    }

    [Fact]
    public void A_line_without_an_equals_sign_is_invalid()
    {
        var error = Assert.Throws<BibException>(() => OsReleaseParser.ParseFields("ID=rhel\ngarbage\n"));

        Assert.Equal("readOSRelease: invalid input", error.Message);
    }

    [Fact]
    public void All_used_fields_are_mapped_and_id_like_is_split_on_spaces()
    {
        var release = OsReleaseParser.ToOsRelease(OsReleaseParser.ParseFields(
            "ID=rhel\nVERSION_ID=9.6\nNAME=\"Red Hat Enterprise Linux\"\nPLATFORM_ID=platform:el9\nVARIANT_ID=coreos\nID_LIKE=\"fedora centos\"\n"));

        Assert.Equal(new OsRelease("rhel", "9.6", "Red Hat Enterprise Linux", "platform:el9", "coreos", release.IdLike), release);
        Assert.Equal(["fedora", "centos"], release.IdLike!);
    }

    [Fact]
    public void Optional_fields_that_are_absent_or_empty_are_null()
    {
        var release = OsReleaseParser.ToOsRelease(OsReleaseParser.ParseFields("ID=x\nVERSION_ID=1\nNAME=X\nID_LIKE=\nPLATFORM_ID=\n"));

        Assert.Equal(new OsRelease("x", "1", "X"), release);
    }

    [Theory]
    [InlineData("VERSION_ID=1\nNAME=X\n", "missing ID in os-release")]
    [InlineData("ID=x\nNAME=X\n", "missing VERSION_ID in os-release")]
    [InlineData("ID=x\nVERSION_ID=1\n", "missing NAME in os-release")]
    [InlineData("", "missing ID in os-release")]
    public void Id_version_id_and_name_are_required_in_that_order(string text, string message)
    {
        var error = Assert.Throws<BibException>(() => OsReleaseParser.ToOsRelease(OsReleaseParser.ParseFields(text)));

        Assert.Equal(message, error.Message);
    }
}
