using BootcImageBuilder.Cli.Commands;

namespace BootcImageBuilder.Cli.Tests.Shipping;

/// <summary>
/// The <c>podman run</c> recipes of README.md and docs/ against the Containerfile and upstream's documented run:
/// every mount goes to a VOLUME or a config path the tool reads, upstream's flags are there, and what follows the
/// image is a command line the tool accepts.
/// </summary>
public class PodmanRecipeTests
{
    /// <summary>The tag the docs build the Containerfile as (<c>podman build -t …</c>).</summary>
    private const string BuilderImage = "localhost/bootc-image-builder";

    /// <summary>The configuration files the tool reads, and the AWS credentials the upload section mounts.</summary>
    private static readonly string[] ConfigPaths = ["/config.toml", "/config.json", "/root/.aws"];

    private static readonly HashSet<string> PodmanFlagsWithValue = new(["-v", "--volume", "--security-opt", "-e", "--env", "--name", "--memory", "--network", "--entrypoint"], StringComparer.Ordinal);

    public static TheoryData<string> RecipeFiles => new() { "README.md", "docs/user-guide.md" };

    [Theory]
    [MemberData(nameof(RecipeFiles))]
    public void Every_podman_run_of_the_builder_has_upstreams_flags_and_mounts_only_volumes_and_config_paths(string file)
    {
        var volumes = Containerfile.Parse(RepositoryFiles.Read("Containerfile")).Final.All("VOLUME").SelectMany(v => v.Words).ToHashSet();
        var runs = PodmanRuns(file).ToList();
        Assert.NotEmpty(runs);

        foreach (var (where, podman, tool) in runs)
        {
            Assert.True(podman.Contains("--privileged"), $"{where}: --privileged missing");
            Assert.True(podman.Contains("--pull=newer"), $"{where}: --pull=newer missing");
            Assert.True(Follows(podman, "--security-opt", "label=type:unconfined_t"), $"{where}: --security-opt label=type:unconfined_t missing");
            var targets = Mounts(podman).Select(m => m.Target).ToList();
            Assert.True(targets.Contains("/var/lib/containers/storage"), $"{where}: the container storage is not mounted");
            foreach (var target in targets)
            {
                Assert.True(volumes.Contains(target) || ConfigPaths.Contains(target), $"{where}: {target} is neither a VOLUME nor a config path");
            }

            var commandLine = new BibCommandLine(new RecordingHandlers());
            var parse = commandLine.Root.Parse(ImplicitBuild.Normalize(tool, commandLine.Root));
            Assert.True(parse.Errors.Count == 0, $"{where}: the tool would refuse {string.Join(' ', tool)}: {(parse.Errors.Count > 0 ? parse.Errors[0].Message : "")}");
        }
    }

    [Fact]
    public void The_readme_builds_the_container_from_the_containerfile_under_the_tag_its_recipe_runs()
    {
        var builds = MarkdownCodeBlock.Read(RepositoryFiles.PathOf("README.md"), "README.md")
            .Where(b => b.Info == "sh").SelectMany(b => b.Commands).Select(ShellWords.Split)
            .Where(words => words.SkipWhile(w => w == "sudo").Take(2).SequenceEqual(["podman", "build"]));

        Assert.Contains(builds, words => Follows(words, "-t", BuilderImage));
    }

    private static IEnumerable<(string Where, IReadOnlyList<string> Podman, IReadOnlyList<string> Tool)> PodmanRuns(string file)
    {
        foreach (var block in MarkdownCodeBlock.Read(RepositoryFiles.PathOf(file), file).Where(b => b.Info == "sh"))
        {
            foreach (var words in block.Commands.Select(ShellWords.Split))
            {
                var podman = words.SkipWhile(w => w == "sudo").ToList();
                if (podman.Count < 2 || podman[0] != "podman" || podman[1] != "run")
                {
                    continue;
                }

                var image = ImageIndex(podman);
                if (image > 0 && podman[image].StartsWith(BuilderImage, StringComparison.Ordinal))
                {
                    yield return (block.Where, podman[..image], podman[(image + 1)..]);
                }
            }
        }
    }

    private static int ImageIndex(List<string> podman)
    {
        for (var i = 2; i < podman.Count; i++)
        {
            if (!podman[i].StartsWith('-'))
            {
                return i;
            }

            if (PodmanFlagsWithValue.Contains(podman[i]))
            {
                i++;
            }
        }

        return -1;
    }

    private static IEnumerable<(string Source, string Target)> Mounts(IReadOnlyList<string> podman) =>
        podman.Select((word, i) => (word, i))
            .Where(w => w.word is "-v" or "--volume" && w.i + 1 < podman.Count)
            .Select(w => podman[w.i + 1].Split(':'))
            .Select(parts => (parts[0], parts[1]));

    private static bool Follows(IReadOnlyList<string> words, string flag, string value) =>
        words.Select((word, i) => (word, i)).Any(w => w.word == flag && w.i + 1 < words.Count && words[w.i + 1] == value);
}
