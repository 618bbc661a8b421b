using BootcImageBuilder.Cli.Commands;

namespace BootcImageBuilder.Cli.Tests;

public class ImplicitBuildTests
{
    private static IReadOnlyList<string> Normalize(params string[] args) =>
        ImplicitBuild.Normalize(args, new BibCommandLine(new RecordingHandlers()).Root);

    [Theory]
    [InlineData(new[] { "quay.io/x:y" }, new[] { "build", "quay.io/x:y" })]
    [InlineData(new[] { "--type", "ami", "quay.io/x:y" }, new[] { "build", "--type", "ami", "quay.io/x:y" })]
    [InlineData(new[] { "--local", "quay.io/x:y" }, new[] { "build", "--local", "quay.io/x:y" })]
    [InlineData(new[] { "--version" }, new[] { "build", "--version" })]
    [InlineData(new string[0], new[] { "build" })]
    public void Words_that_name_no_command_run_build(string[] args, string[] expected)
    {
        Assert.Equal(expected, Normalize(args));
    }

    [Theory]
    [InlineData(new[] { "manifest", "quay.io/x:y" }, new[] { "manifest", "quay.io/x:y" })]
    [InlineData(new[] { "--rootfs=xfs", "manifest", "quay.io/x:y" }, new[] { "manifest", "--rootfs=xfs", "quay.io/x:y" })]
    [InlineData(new[] { "--rootfs", "xfs", "manifest", "q" }, new[] { "manifest", "--rootfs", "xfs", "q" })]
    [InlineData(new[] { "-v", "version" }, new[] { "version", "-v" })]
    public void The_first_positional_word_picks_the_command_wherever_it_stands(string[] args, string[] expected)
    {
        Assert.Equal(expected, Normalize(args));
    }

    [Fact]
    public void A_flag_value_that_looks_like_a_command_is_still_a_value()
    {
        Assert.Equal(["build", "--output", "manifest", "quay.io/x:y"], Normalize("--output", "manifest", "quay.io/x:y"));
    }

    [Fact]
    public void Bare_help_shows_the_root_help()
    {
        Assert.Equal(["--help"], Normalize("--help"));
    }

    [Fact]
    public void Help_command_shows_the_named_commands_help()
    {
        Assert.Equal(["manifest", "--help"], Normalize("help", "manifest"));
    }
}
