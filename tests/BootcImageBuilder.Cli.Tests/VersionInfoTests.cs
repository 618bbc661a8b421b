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

    [SkippableFact]
    public void The_built_tool_carries_the_revision_of_this_checkout()
    {
        Skip.IfNot(BuiltFromGitCheckout(), "the tool was not built from a git checkout, so it has no revision to show");

        Assert.Matches(@"^build_revision: [0-9a-f]{7}\n", VersionInfo.Text);
    }

    private static bool BuiltFromGitCheckout() =>
        Shipping.RepositoryFiles.RootOrNull is { } root && Path.Exists(Path.Join(root, ".git"));
}
