namespace BootcImageBuilder.Cli.Tests;

public class VersionInfoTests
{
    [Fact]
    public void Without_git_metadata_every_field_is_unknown_and_untainted()
    {
        Assert.Equal(
            "build_revision: unknown\nbuild_time: unknown\nbuild_tainted: false\n",
            VersionInfo.Render(typeof(FactAttribute).Assembly));
    }

    [Fact]
    public void The_built_tool_carries_the_revision_of_this_checkout()
    {
        Assert.Matches(@"^build_revision: [0-9a-f]{7}\n", VersionInfo.Text);
    }
}
