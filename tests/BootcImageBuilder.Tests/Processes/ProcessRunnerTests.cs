using System.Diagnostics;
using BootcImageBuilder.Processes;

namespace BootcImageBuilder.Tests.Processes;

public sealed class ProcessRunnerTests
{
    private readonly ProcessRunner _runner = new();

    [Fact]
    public async Task Stdout_stderr_and_the_exit_code_are_captured_separately()
    {
        var result = await _runner.RunAsync("/bin/sh", ["-c", "echo out; echo err >&2; exit 3"], CancellationToken.None);

        Assert.Equal(new ProcessResult(3, "out\n", "err\n"), result);
        Assert.False(result.Succeeded);
        Assert.Equal("exit status 3", result.ExitStatus);
    }

    [Fact]
    public async Task A_child_killed_by_the_signal_that_is_cancelling_the_run_reads_as_the_interruption()
    {
        // As Ctrl-C in a terminal: the signal kills the child and, a moment later, our handler cancels the run.
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => _runner.RunAsync("/bin/sh", ["-c", "kill -TERM $$"], cancellation.Token));
    }

    [Fact]
    public async Task A_child_killed_by_a_signal_nothing_else_received_is_its_failure()
    {
        var result = await _runner.RunAsync("/bin/sh", ["-c", "kill -TERM $$"], CancellationToken.None);

        Assert.Equal(128 + 15, result.ExitCode);
        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task Arguments_reach_the_program_verbatim_without_a_shell()
    {
        var result = await _runner.RunAsync(
            "/bin/sh", ["-c", "printf '%s|' \"$@\"", "sh", "two words", "$HOME", "'quoted'", "a;b", ""], CancellationToken.None);

        Assert.Equal("two words|$HOME|'quoted'|a;b||", result.Stdout);
    }

    [Fact]
    public async Task Standard_input_is_closed()
    {
        var result = await _runner.RunAsync("/bin/cat", [], CancellationToken.None);

        Assert.Equal(new ProcessResult(0, "", ""), result);
    }

    [Fact]
    public async Task A_program_that_cannot_be_started_is_a_bib_error()
    {
        var error = await Assert.ThrowsAsync<BibException>(
            () => _runner.RunAsync("/nonexistent/bib-test-program", [], CancellationToken.None));

        Assert.StartsWith("cannot run /nonexistent/bib-test-program: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_kills_the_child_and_its_descendants()
    {
        var pidFile = Path.Join(Directory.CreateTempSubdirectory("bib-runner-").FullName, "grandchild.pid");
        using var cancellation = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();

        var running = _runner.RunAsync("/bin/sh", ["-c", $"sleep 300 & echo $! > {pidFile}; wait"], cancellation.Token);
        while (!File.Exists(pidFile) || File.ReadAllText(pidFile).Length == 0)
        {
            await Task.Delay(20);
        }

        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
        var grandchild = int.Parse(File.ReadAllText(pidFile).Trim());
        Assert.False(IsAlive(grandchild), $"sleep (pid {grandchild}) survived");
    }

    [Theory]
    [InlineData("head -c 40000000 /dev/zero", "standard output")]
    [InlineData("head -c 40000000 /dev/zero >&2", "standard error")]
    public async Task Output_beyond_the_default_bound_stops_the_child_and_the_error_says_the_bound(string script, string stream)
    {
        var error = await Assert.ThrowsAsync<ProcessOutputLimitException>(() => _runner.RunAsync("/bin/sh", ["-c", script], CancellationToken.None));

        Assert.Equal($"/bin/sh printed more than 16777216 bytes on {stream}; it was stopped", error.Message);
    }

    [Fact]
    public async Task A_child_that_prints_forever_is_stopped_at_the_bound_of_its_call()
    {
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<ProcessOutputLimitException>(
            () => _runner.RunAsync("/usr/bin/yes", [], CancellationToken.None, maxOutputBytes: 1024 * 1024));

        Assert.Equal("/usr/bin/yes printed more than 1048576 bytes on standard output; it was stopped", error.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Output_of_exactly_the_bound_is_kept_whole()
    {
        var result = await _runner.RunAsync("/bin/sh", ["-c", "printf 0123456789"], CancellationToken.None, maxOutputBytes: 10);

        Assert.Equal("0123456789", result.Stdout);
    }

    [Fact]
    public async Task An_already_cancelled_token_starts_nothing()
    {
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => _runner.RunAsync("/bin/sh", ["-c", "exit 0"], new CancellationToken(canceled: true)));
    }

    /// <summary>Alive means present and not a zombie waiting for a parent that may never reap it.</summary>
    private static bool IsAlive(int pid)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (DateTime.UtcNow < deadline)
        {
            var stat = $"/proc/{pid}/stat";
            if (!File.Exists(stat))
            {
                return false;
            }

            var state = File.ReadAllText(stat).Split(") ")[1][0];
            if (state is 'Z' or 'X')
            {
                return false;
            }

            Thread.Sleep(50);
        }

        return true;
    }
}
