using System.Diagnostics;
using System.Text;

namespace BootcImageBuilder.Cli.Tests.Hostile;

/// <summary>
/// Every hostile config ends in one error line of ours with exit 1, prints no secret, writes nothing, and leaves what
/// hostile image cases must not leave either: no container of the tool's, no image mount, no temporary file (the image
/// is never reached, so it need not exist).
/// </summary>
public class HostileConfigTests
{
    private const string NeverReached = "localhost/bib-hostile-never-pulled:latest";

    [Theory]
    [MemberData(nameof(HostileConfigCases.All), MemberType = typeof(HostileConfigCases))]
    public async Task A_hostile_config_is_refused_cleanly(ConfigCase item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var work = Directory.CreateTempSubdirectory("bib-hostile-");
        try
        {
            Create(work.FullName, item);
            var before = Entries(work.FullName);
            using var podman = new PodmanCallLog();

            var result = await HostileRun.RunAsync(["manifest", "--config", item.FileName, NeverReached], work.FullName, environment: podman.Environment);

            Assert.Equal("cannot generate manifest: cannot read config: " + item.Expected, HostileRun.SingleCleanError(result));
            Assert.DoesNotContain(HostileConfigCases.Secret, result.Stderr, StringComparison.Ordinal);
            Assert.Empty(result.Stdout);
            Assert.Equal(before, Entries(work.FullName));
            // Other tests use podman meanwhile, so its state cannot be compared; a run that never called podman can
            // have left no container and no image mount of its own.
            Assert.Empty(podman.Calls);
            await LeftBehind.AssertNoOrphanMountsAsync();
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Stdin_left_open_gives_up_on_sigterm()
    {
        var watch = Stopwatch.StartNew();

        var result = await RunWithStdinAsync(stdin: null, keepStdinOpen: true, signal: "TERM");

        Assert.Equal("interrupted", HostileRun.SingleCleanError(result));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task Stdin_left_open_gives_up_on_a_process_group_ctrl_c()
    {
        var result = await RunWithStdinAsync(stdin: "{\"name\": ", keepStdinOpen: true, signal: "INT");

        Assert.Equal("interrupted", HostileRun.SingleCleanError(result));
    }

    [Fact]
    public async Task Closed_stdin_is_refused_at_once()
    {
        var watch = Stopwatch.StartNew();

        var result = await RunWithStdinAsync(stdin: null, keepStdinOpen: false, signal: null, stdinRedirection: "0<&-");

        Assert.Equal("cannot generate manifest: cannot read config: read \"-\": standard input is closed", HostileRun.SingleCleanError(result));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task Write_only_stdin_is_refused_at_once()
    {
        var sink = Path.GetTempFileName();
        try
        {
            var result = await RunWithStdinAsync(stdin: null, keepStdinOpen: false, signal: null, stdinRedirection: $"0>'{sink}'");

            Assert.Equal("cannot generate manifest: cannot read config: read \"-\": standard input is not open for reading", HostileRun.SingleCleanError(result));
        }
        finally
        {
            File.Delete(sink);
        }
    }

    [Fact]
    public async Task Stdin_from_dev_null_is_empty_input_read_at_once()
    {
        var watch = Stopwatch.StartNew();

        var result = await RunWithStdinAsync(stdin: null, keepStdinOpen: false, signal: null, stdinRedirection: "0</dev/null");

        Assert.Equal("cannot generate manifest: cannot read config: cannot decode \"-\": unexpected end of JSON input", HostileRun.SingleCleanError(result));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task An_open_silent_stdin_ends_at_the_time_limit()
    {
        var watch = Stopwatch.StartNew();

        var result = await RunWithStdinAsync(stdin: null, keepStdinOpen: true, signal: null);

        Assert.Equal("cannot generate manifest: cannot read config: read \"-\": standard input did not end within 30 seconds", HostileRun.SingleCleanError(result));
        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task Over_1_MiB_on_stdin_is_refused()
    {
        var result = await RunWithStdinAsync(stdin: "{" + new string(' ', 1100 * 1024) + "}", keepStdinOpen: false, signal: null);

        Assert.Equal("cannot generate manifest: cannot read config: read \"-\": is larger than 1048576 bytes", HostileRun.SingleCleanError(result));
    }

    /// <summary>Runs <c>manifest --config -</c>, signalling the process group two seconds in when <paramref name="signal"/> is set.</summary>
    private static async Task<BibResult> RunWithStdinAsync(string? stdin, bool keepStdinOpen, string? signal, string? stdinRedirection = null)
    {
        var work = Directory.CreateTempSubdirectory("bib-hostile-");
        try
        {
            return await HostileRun.RunAsync(
                ["manifest", "--config", "-", NeverReached],
                work.FullName,
                stdin,
                keepStdinOpen,
                signal is null ? null : async group =>
                {
                    await BibProcess.AssertTakesSigIntAsync(group);
                    await Task.Delay(TimeSpan.FromSeconds(2));
                    HostileRun.Signal(group, signal);
                },
                stdinRedirection);
        }
        finally
        {
            Assert.Empty(Directory.GetFileSystemEntries(work.FullName));
            work.Delete(recursive: true);
        }
    }

    private static void Create(string directory, ConfigCase item)
    {
        var path = Path.Join(directory, item.FileName);
        switch (item.Kind)
        {
            case EntryKind.File:
                File.WriteAllBytes(path, item.Content);
                break;
            case EntryKind.Symlink:
                File.CreateSymbolicLink(path, item.LinkTarget!);
                break;
            case EntryKind.Directory:
                Directory.CreateDirectory(path);
                break;
            case EntryKind.Fifo:
                using (var mkfifo = Process.Start("mkfifo", [path]))
                {
                    mkfifo.WaitForExit();
                }

                break;
            case EntryKind.Missing:
                break;
        }
    }

    private static string Entries(string directory) =>
        new StringBuilder().AppendJoin('\n', Directory.GetFileSystemEntries(directory).Order(StringComparer.Ordinal)).ToString();
}
