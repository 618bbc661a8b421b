using System.Diagnostics;
using System.Text;

namespace BootcImageBuilder.Cli.Tests.Hostile;

/// <summary>
/// Every hostile config ends in one error line of ours with exit 1, prints no secret, writes nothing, and starts no
/// container (the image is never reached, so it need not exist).
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

            var result = await HostileRun.RunAsync(["manifest", "--config", item.FileName, NeverReached], work.FullName);

            Assert.Equal("cannot generate manifest: cannot read config: " + item.Expected, HostileRun.SingleCleanError(result));
            Assert.DoesNotContain(HostileConfigCases.Secret, result.Stderr, StringComparison.Ordinal);
            Assert.Empty(result.Stdout);
            Assert.Equal(before, Entries(work.FullName));
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
    public async Task Over_1_MiB_on_stdin_is_refused()
    {
        var result = await RunWithStdinAsync(stdin: "{" + new string(' ', 1100 * 1024) + "}", keepStdinOpen: false, signal: null);

        Assert.Equal("cannot generate manifest: cannot read config: read \"-\": is larger than 1048576 bytes", HostileRun.SingleCleanError(result));
    }

    /// <summary>Runs <c>manifest --config -</c>, signalling the process group two seconds in when <paramref name="signal"/> is set.</summary>
    private static async Task<BibResult> RunWithStdinAsync(string? stdin, bool keepStdinOpen, string? signal)
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
                    await Task.Delay(TimeSpan.FromSeconds(2));
                    HostileRun.Signal(group, signal);
                });
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
