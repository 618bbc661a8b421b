namespace BootcImageBuilder.Cli.Tests.Shipping;

/// <summary>The small Containerfile reader the shipping tests rely on.</summary>
public class ContainerfileParserTests
{
    [Fact]
    public void Continuations_join_lines_and_comment_lines_inside_them_are_dropped()
    {
        var file = Containerfile.Parse("""
            FROM example.org/base:1 AS first
            # a comment
            RUN dnf install -y \
                  alpha beta \
            # explains gamma
                  gamma \
                && dnf clean all
            FROM example.org/final:2
            LABEL a="one two" b=three
            VOLUME ["/x", "/y"]
            VOLUME /z
            ENTRYPOINT ["/usr/bin/tool", "--flag"]
            """);

        Assert.Equal(2, file.Stages.Count);
        Assert.Equal("first", file.Stages[0].Name);
        Assert.Equal("example.org/base:1", file.Stages[0].BaseImage);
        Assert.Equal(["alpha", "beta", "gamma"], file.Stage("first").DnfInstalledPackages);
        Assert.Null(file.Final.Name);
        Assert.Equal("one two", file.Final.Labels["a"]);
        Assert.Equal("three", file.Final.Labels["b"]);
        Assert.Equal(["/x", "/y", "/z"], file.Final.All("VOLUME").SelectMany(v => v.Words));
        Assert.Equal(["/usr/bin/tool", "--flag"], Assert.Single(file.Final.All("ENTRYPOINT")).ExecForm);
    }

    [Fact]
    public void An_instruction_before_from_or_a_dangling_continuation_is_refused()
    {
        Assert.Throws<FormatException>(() => Containerfile.Parse("RUN true\nFROM x\n"));
        Assert.Throws<FormatException>(() => Containerfile.Parse("FROM x\nRUN true \\"));
    }

    [Fact]
    public void Shell_words_honour_quotes_escapes_and_backslash_newlines()
    {
        Assert.Equal(
            ["podman", "run", "-v", "./a b:/c:ro", "it's", "x\"y", "tail"],
            ShellWords.Split("podman run \\\n  -v './a b:/c:ro' it\\'s \"x\\\"y\" \\\n  tail"));
    }
}
