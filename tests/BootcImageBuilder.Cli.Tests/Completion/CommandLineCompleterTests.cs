using BootcImageBuilder.Cli.Commands;
using BootcImageBuilder.Cli.Completion;

namespace BootcImageBuilder.Cli.Tests.Completion;

/// <summary>What <c>__complete</c> answers for the words typed so far (the last is the word under the cursor).</summary>
public class CommandLineCompleterTests
{
    private static IReadOnlyList<string> Complete(params string[] words) =>
        CommandLineCompleter.Complete(words, new BibCommandLine(new RecordingHandlers()).Root);

    [Fact]
    public void Flags_typed_before_any_command_are_builds_as_upstream_reads_them()
    {
        Assert.Equal(["--checkpoints", "--chown"], Complete("--ch"));
        Assert.Equal(["always"], Complete("--checkpoints", "al"));
        Assert.Equal(["--output", "--progress"], Complete("-v", "--o").Concat(Complete("-v", "--pro")));
    }

    [Fact]
    public void The_first_word_offers_the_visible_subcommands()
    {
        Assert.Equal(["build", "manifest", "version", "completion", "upload"], Complete(""));
        Assert.Equal(["completion"], Complete("--type", "raw", "co"));
    }

    [Fact]
    public void Hidden_and_build_only_flags_are_not_offered_where_they_do_not_exist()
    {
        var manifestFlags = Complete("manifest", "-");

        Assert.DoesNotContain("--config", manifestFlags);
        Assert.DoesNotContain("--local", manifestFlags);
        Assert.DoesNotContain("--output", manifestFlags);
        Assert.Contains("--type", manifestFlags);
        Assert.Contains("--log-level", manifestFlags);
    }

    [Fact]
    public void Values_complete_after_a_space_after_equals_and_after_bashs_equals_word()
    {
        Assert.Equal(["xfs"], Complete("manifest", "--rootfs", "x"));
        Assert.Equal(["--rootfs=btrfs"], Complete("manifest", "--rootfs=b"));
        Assert.Equal(["btrfs", "ext4", "xfs"], Complete("manifest", "--rootfs", "="));
        Assert.Equal(["arm64"], Complete("--target-arch", "=", "ar"));
        Assert.Equal(["debug"], Complete("manifest", "--log-level", "de"));
    }

    [Fact]
    public void The_image_reference_and_free_form_values_get_no_candidates()
    {
        Assert.Empty(Complete("manifest", ""));
        Assert.Empty(Complete("build", "--output", ""));
    }
}
