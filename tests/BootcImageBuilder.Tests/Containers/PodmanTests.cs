using BootcImageBuilder.Containers;
using BootcImageBuilder.Processes;

namespace BootcImageBuilder.Tests.Containers;

public sealed class PodmanTests : IDisposable
{
    private readonly TempTree _tree = new();
    private readonly RecordingRunner _runner = new();

    public void Dispose() => _tree.Dispose();

    [Fact]
    public async Task Inside_rootless_podman_every_call_gets_its_own_graph_root_and_the_host_image_store()
    {
        _tree.File("run/.containerenv", "engine=\"podman-5.2.2\"\nname=\"bib\"\nrootless=1\n");
        var podman = new Podman(_runner, Path.Join(_tree.Root, "run/.containerenv"));

        await podman.RunAsync(["mount", "abc"], CancellationToken.None);

        var (program, arguments) = _runner.Calls.Single();
        Assert.Equal("podman", program);
        Assert.Equal(["--root=/run/osbuild/containers/store", "--imagestore=/var/lib/containers/storage", "mount", "abc"], arguments);
    }

    [Theory]
    [InlineData("engine=\"podman-5.2.2\"\nrootless=0\n")]
    [InlineData("rootless=1 \n")]
    [InlineData("")]
    public async Task Rootful_podman_calls_are_passed_through(string containerEnv)
    {
        _tree.File("run/.containerenv", containerEnv);
        var podman = new Podman(_runner, Path.Join(_tree.Root, "run/.containerenv"));

        await podman.RunAsync(["mount", "abc"], CancellationToken.None);

        var (program, arguments) = _runner.Calls.Single();
        Assert.Equal("podman", program);
        Assert.Equal(["mount", "abc"], arguments);
    }

    [Fact]
    public void Without_a_containerenv_file_podman_is_not_rootless()
    {
        Assert.False(PodmanContainerEnv.IsRootless(Path.Join(_tree.Root, "run/.containerenv")));
    }

    [Fact]
    public async Task A_cleanup_call_runs_in_a_session_of_its_own()
    {
        var podman = new Podman(_runner, Path.Join(_tree.Root, "run/.containerenv"));

        await podman.RunCleanupAsync(["rm", "--force", "abc"]);

        var (program, arguments) = _runner.Calls.Single();
        Assert.Equal(ExecutableLookup.Find("setsid"), program);
        Assert.Equal(["podman", "rm", "--force", "abc"], arguments);
    }

    [Fact]
    public async Task A_cleanup_call_killed_by_a_signal_is_tried_again()
    {
        _runner.ExitCodes.Enqueue(130);
        _runner.ExitCodes.Enqueue(0);
        var podman = new Podman(_runner, Path.Join(_tree.Root, "run/.containerenv"));

        var result = await podman.RunCleanupAsync(["rm", "--force", "abc"]);

        Assert.True(result.Succeeded);
        Assert.Equal(2, _runner.Calls.Count);
    }

    [Fact]
    public async Task A_cleanup_call_that_keeps_failing_gives_up_after_three_tries()
    {
        foreach (var _ in Enumerable.Range(0, 5))
        {
            _runner.ExitCodes.Enqueue(125);
        }

        var podman = new Podman(_runner, Path.Join(_tree.Root, "run/.containerenv"));

        var result = await podman.RunCleanupAsync(["rm", "--force", "abc"]);

        Assert.Equal(125, result.ExitCode);
        Assert.Equal(Podman.CleanupAttempts, _runner.Calls.Count);
    }

    private sealed class RecordingRunner : IProcessRunner
    {
        public List<(string Program, string[] Arguments)> Calls { get; } = [];

        public Queue<int> ExitCodes { get; } = new();

        public Task<ProcessResult> RunWithInputAsync(
            string program,
            IReadOnlyList<string> arguments,
            string standardInput,
            CancellationToken cancellationToken,
            long maxOutputBytes,
            IReadOnlyDictionary<string, string>? environment) =>
            RunAsync(program, arguments, cancellationToken, maxOutputBytes);

        public Task<ProcessResult> RunAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken, long maxOutputBytes)
        {
            Calls.Add((program, [.. arguments]));
            return Task.FromResult(new ProcessResult(ExitCodes.Count > 0 ? ExitCodes.Dequeue() : 0, "", ""));
        }
    }
}
