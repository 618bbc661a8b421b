using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using BootcImageBuilder.Cli.Tests;
using BootcImageBuilder.Cli.Tests.Shipping;
using BootcImageBuilder.IntegrationTests.Containers;

namespace BootcImageBuilder.IntegrationTests.Docs;

/// <summary>
/// Runs the examples of README.md and docs/ as written. In each document, in order:
/// <list type="bullet">
/// <item>a code block under <c>&lt;!-- file: NAME --&gt;</c> is written to NAME in the example directory;</item>
/// <item>every line of an <c>sh</c> block is run with the tool, unless the block is under
/// <c>&lt;!-- not-runnable: reason --&gt;</c>; a line that is not a tool command fails the test;</item>
/// <item>a block under <c>&lt;!-- output --&gt;</c> is what the last command before it prints: an <c>error: …</c>
/// text is its error message (exit 1), anything else its stdout, line by line, where <c>&lt;…&gt;</c> stands for
/// any text. Without one, the command must succeed.</item>
/// </list>
/// The bootc images the docs name are stood in for by the local test images of the same distribution.
/// </summary>
[Collection(PodmanTestGroup.Name)]
public class DocumentedExamplesTests
{
    private const string NotRunnable = "not-runnable";

    public static TheoryData<string> Documents => new() { "README.md", "docs/user-guide.md", "docs/differences.md", "docs/architecture.md" };

    private static string HostGoArch => RuntimeInformation.OSArchitecture == Architecture.Arm64 ? "arm64" : "amd64";

    /// <summary>The references the docs use, and the local images standing in for them.</summary>
    private static Dictionary<string, TestImage> StandIns => new(StringComparer.Ordinal)
    {
        ["quay.io/centos-bootc/centos-bootc:stream9"] = TestImages.CentOsStream9(HostGoArch),
        ["quay.io/fedora/fedora-bootc:42"] = TestImages.Fedora42(HostGoArch),
        ["quay.io/fedora/fedora:42"] = TestImages.WithoutBootcLabel,
    };

    [SkippableTheory]
    [MemberData(nameof(Documents))]
    public async Task Every_unmarked_example_runs_as_documented(string document)
    {
        var blocks = MarkdownCodeBlock.Read(RepositoryFiles.PathOf(document), document);
        var runnable = blocks.Where(b => b.Info == "sh" && b.Marker(NotRunnable) is null).ToList();
        if (runnable.Count > 0 && TestImages.MissingToolsReason is { } missing)
        {
            Assert.False(Environment.GetEnvironmentVariable("CI") == "true", missing + " (scripts/setup-host.sh installs them)");
            Skip.If(true, missing);
        }

        var standIns = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (documented, image) in StandIns)
        {
            standIns[documented] = await TestImages.EnsureBuiltAsync(image);
        }

        var work = Directory.CreateTempSubdirectory("bib-docs-");
        try
        {
            var failures = new List<string>();
            for (var i = 0; i < blocks.Count; i++)
            {
                var block = blocks[i];
                if (block.Marker("file") is { } name)
                {
                    await File.WriteAllTextAsync(Path.Join(work.FullName, name), block.Text);
                }

                if (block.Info != "sh")
                {
                    continue;
                }

                if (block.Marker(NotRunnable) is { } reason)
                {
                    if (reason.Length == 0)
                    {
                        failures.Add($"{block.Where}: a not-runnable block must say why");
                    }

                    continue;
                }

                var output = i + 1 < blocks.Count && blocks[i + 1].Markers.Contains("output") ? blocks[i + 1].Text : null;
                var commands = block.Commands;
                for (var c = 0; c < commands.Count; c++)
                {
                    var problem = await RunAsync(commands[c], c == commands.Count - 1 ? output : null, work.FullName, standIns);
                    if (problem is not null)
                    {
                        failures.Add($"{block.Where}: {commands[c]}\n  {problem}");
                    }
                }
            }

            Assert.True(failures.Count == 0, string.Join("\n", failures));
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_user_guide_runs_most_of_its_examples_and_says_why_for_the_rest()
    {
        var blocks = MarkdownCodeBlock.Read(RepositoryFiles.PathOf("docs/user-guide.md"), "docs/user-guide.md").Where(b => b.Info == "sh").ToList();
        var marked = blocks.Where(b => b.Marker(NotRunnable) is not null).ToList();

        Assert.True(blocks.Count - marked.Count >= 20, $"only {blocks.Count - marked.Count} runnable example blocks");
        Assert.All(marked, b => Assert.False(string.IsNullOrWhiteSpace(b.Marker(NotRunnable)), $"{b.Where}: no reason"));
        // The cloud examples cannot run here and must be marked as such.
        Assert.All(blocks.Where(b => b.Text.Contains("--aws-", StringComparison.Ordinal) || b.Text.Contains("upload ", StringComparison.Ordinal)),
            b => Assert.NotNull(b.Marker(NotRunnable)));
    }

    [Fact]
    public void A_line_that_is_not_a_tool_command_is_not_runnable_unmarked()
    {
        Assert.NotNull(DocumentedCommand.Parse("sudo podman pull quay.io/centos-bootc/centos-bootc:stream9").Problem);
        Assert.NotNull(DocumentedCommand.Parse("bootc-image-builder manifest x | jq .").Problem);
        Assert.NotNull(DocumentedCommand.Parse("bootc-image-builder completion bash > /etc/bash_completion.d/x").Problem);
        var (command, problem) = DocumentedCommand.Parse("sudo bootc-image-builder manifest --config - img < config.json > out.json");
        Assert.Null(problem);
        Assert.Equal(["manifest", "--config", "-", "img"], command!.Arguments);
        Assert.Equal("config.json", command.StdinFile);
        Assert.Equal("out.json", command.StdoutFile);
    }

    private static async Task<string?> RunAsync(string line, string? output, string workDirectory, Dictionary<string, string> standIns)
    {
        var (command, problem) = DocumentedCommand.Parse(line);
        if (command is null)
        {
            return problem;
        }

        var arguments = command.Arguments.Select(a => standIns.GetValueOrDefault(a, a)).ToList();
        var stdin = command.StdinFile is null ? null : await File.ReadAllTextAsync(Path.Join(workDirectory, command.StdinFile));
        var result = await BibProcess.RunAsync(arguments, stdin, workingDirectory: workDirectory);
        string Documented(string text) => standIns.Aggregate(text, (t, pair) => t.Replace(pair.Value, pair.Key, StringComparison.Ordinal));
        if (command.StdoutFile is not null)
        {
            await File.WriteAllTextAsync(Path.Join(workDirectory, command.StdoutFile), result.Stdout);
        }

        if (output is not null && output.StartsWith("error: ", StringComparison.Ordinal))
        {
            var at = result.Stderr.IndexOf(" error: ", StringComparison.Ordinal);
            var actual = at < 0 ? "(no error line)" : Documented(result.Stderr[(at + " error: ".Length)..].TrimEnd('\n'));
            var expected = output["error: ".Length..].TrimEnd('\n');
            return result.ExitCode == 1 && actual == expected ? null : $"expected exit 1 and error: {expected}\n  got exit {result.ExitCode} and error: {actual}";
        }

        if (result.ExitCode != 0)
        {
            return $"exit {result.ExitCode}: {result.Stderr.Trim()}";
        }

        return output is null ? null : MatchesTemplate(output, Documented(result.Stdout));
    }

    /// <summary>Null when every line of <paramref name="stdout"/> matches its template line (<c>&lt;…&gt;</c> = any text).</summary>
    private static string? MatchesTemplate(string template, string stdout)
    {
        var expected = template.TrimEnd('\n').Split('\n');
        var actual = stdout.TrimEnd('\n').Split('\n');
        var pattern = expected.Select(line => "^" + Regex.Replace(Regex.Escape(line), @"<[^>]+>", ".+") + "$").ToList();
        return actual.Length == expected.Length && actual.Zip(pattern).All(p => Regex.IsMatch(p.First, p.Second))
            ? null
            : $"expected stdout:\n{template}  got:\n{stdout}";
    }
}
