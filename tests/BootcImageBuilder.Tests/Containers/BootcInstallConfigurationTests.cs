using BootcImageBuilder.Containers;

namespace BootcImageBuilder.Tests.Containers;

public sealed class BootcInstallConfigurationTests
{
    [Theory]
    [InlineData("""{"filesystem":{"root":{"type":"xfs"}},"kargs":["a"]}""", "xfs")]
    [InlineData("""{"filesystem":{"root":{"type":"ext4"}}}""", "ext4")]
    [InlineData("""{"filesystem":{"root":{"type":"btrfs"}}}""", "btrfs")]
    public void The_root_filesystem_type_is_read_from_filesystem_root_type(string json, string type)
    {
        Assert.Equal(type, BootcInstallConfiguration.ParseDefaultRootFsType(json));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"root-fs-type":"xfs"}""")]
    [InlineData("""{"filesystem":{"root":{"type":""}}}""")]
    [InlineData("""{"filesystem":null}""")]
    [InlineData("null")]
    public void No_filesystem_root_type_means_no_default(string json)
    {
        Assert.Null(BootcInstallConfiguration.ParseDefaultRootFsType(json));
    }

    [Fact]
    public void An_unsupported_type_is_rejected_with_the_supported_list()
    {
        var error = Assert.Throws<BibException>(() => BootcInstallConfiguration.ParseDefaultRootFsType("""{"filesystem":{"root":{"type":"vfat"}}}"""));

        Assert.Equal("unsupported root filesystem type: vfat, supported: ext4, xfs, btrfs", error.Message);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"filesystem":{"root":{"type":4}}}""")]
    [InlineData("[]")]
    public void Output_that_is_not_the_expected_json_cannot_be_unmarshalled(string json)
    {
        var error = Assert.Throws<BibException>(() => BootcInstallConfiguration.ParseDefaultRootFsType(json));

        Assert.StartsWith("failed to unmarshal bootc configuration: ", error.Message, StringComparison.Ordinal);
    }
}
