using BootcImageBuilder.Upload.Gce;

namespace BootcImageBuilder.Cli.Tests.Gce;

/// <summary>The core's name rules, which every GCE request passes through.</summary>
public sealed class GceRulesTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("fedora-bootc-42")]
    [InlineData("x23456789012345678901234567890123456789012345678901234567890123")]
    public void Image_names_google_accepts_pass(string name) => GceNames.CheckImageName(name);

    [Theory]
    [InlineData("")]
    [InlineData("1image")]
    [InlineData("image-")]
    [InlineData("Image")]
    [InlineData("image/../x")]
    [InlineData("x234567890123456789012345678901234567890123456789012345678901234")]
    public void Image_names_google_refuses_fail(string name) =>
        Assert.StartsWith("invalid GCE image name", Assert.Throws<BibException>(() => GceNames.CheckImageName(name)).Message);

    [Theory]
    [InlineData("my-project", true)]
    [InlineData("example.com:my-project", true)]
    [InlineData("short", false)]
    [InlineData("my_project", false)]
    [InlineData("my-project/../other", false)]
    public void Project_ids_follow_googles_rules(string project, bool valid)
    {
        var failure = Record.Exception(() => GceNames.CheckProject(project));

        Assert.Equal(valid, failure is null);
    }

    [Theory]
    [InlineData("my-bucket", true)]
    [InlineData("my.bucket_1", true)]
    [InlineData("ab", false)]
    [InlineData("my..bucket", false)]
    [InlineData("-bucket", false)]
    [InlineData("bucket/x", false)]
    public void Bucket_names_follow_googles_rules(string bucket, bool valid)
    {
        var failure = Record.Exception(() => GceNames.CheckBucket(bucket));

        Assert.Equal(valid, failure is null);
    }

    [Fact]
    public void A_name_with_control_characters_is_not_echoed() =>
        Assert.Contains("(not shown)", Assert.Throws<BibException>(() => GceNames.CheckImageName("bad\u001b[2Jname")).Message, StringComparison.Ordinal);
}
