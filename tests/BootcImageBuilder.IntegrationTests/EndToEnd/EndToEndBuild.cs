using System.Diagnostics;
using BootcImageBuilder.Cli.Tests;
using BootcImageBuilder.IntegrationTests.Containers;
using BootcImageBuilder.IntegrationTests.EndToEnd.Boot;
using BootcImageBuilder.IntegrationTests.Osbuild;
using BootcImageBuilder.Processes;

namespace BootcImageBuilder.IntegrationTests.EndToEnd;

/// <summary>
/// One <c>bootc-image-builder build</c> of the Debian test image through real osbuild (<c>prepare --machine</c>,
/// first on PATH), run once for the test class that owns it. Disposing removes its work directory and whatever
/// osbuild left behind in it (mounts, partition nodes, loop devices).
/// </summary>
public abstract class EndToEndBuild : IAsyncLifetime
{
    private static readonly ProcessRunner Runner = new();
    private readonly Lazy<Task> _build;

    protected EndToEndBuild() => _build = new Lazy<Task>(BuildAsync);

    public string Work { get; } = Directory.CreateTempSubdirectory("bib-e2e-").FullName;

    public string Output => Path.Join(Work, "output");

    public TimeSpan Duration { get; private set; }

    protected abstract string GoArch { get; }

    protected abstract IReadOnlyList<string> Arguments { get; }

    protected abstract string ConfigToml { get; }

    /// <summary>The image to build from: the bootable Debian test image declared as <see cref="GoArch"/>.</summary>
    protected virtual Task<string> ImageAsync() => DebianBootcImage.ForArchAsync(GoArch);

    /// <summary>The machine that boots the disk: the architecture of the image's kernel (the host's, unless foreign).</summary>
    internal virtual GuestMachine Guest => GuestMachine.X86_64;

    /// <summary>Directories put first on the build's PATH, after the prepared osbuild's.</summary>
    protected virtual Task<IReadOnlyList<string>> PathDirectoriesAsync() => Task.FromResult<IReadOnlyList<string>>([]);

    /// <summary>How long one build may take.</summary>
    protected virtual TimeSpan BuildLimit => TimeSpan.FromMinutes(15);

    /// <summary>Runs the build the first time it is asked for; skips (or in CI fails) without the prepared osbuild.</summary>
    public async Task EnsureBuiltAsync()
    {
        await RealOsbuild.MachineBinDirectoryAsync();
        await _build.Value;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        var mounts = await Runner.RunAsync("findmnt", ["-rn", "-o", "TARGET"], CancellationToken.None);
        foreach (var mount in mounts.Stdout.Split('\n').Where(m => m.StartsWith(Work, StringComparison.Ordinal)).OrderByDescending(m => m.Length))
        {
            await Runner.RunAsync("umount", ["-R", mount], CancellationToken.None);
        }

        var loops = await Runner.RunAsync("losetup", ["-n", "-O", "NAME,BACK-FILE", "-l"], CancellationToken.None);
        foreach (var line in loops.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = line.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (fields.Length == 2 && fields[1].StartsWith(Work, StringComparison.Ordinal))
            {
                await Runner.RunAsync("losetup", ["-d", fields[0]], CancellationToken.None);
            }
        }

        Directory.Delete(Work, recursive: true);
    }

    private async Task BuildAsync()
    {
        var (exitCode, log, duration) = await RunBuildAsync(Output);
        Duration = duration;
        await File.WriteAllTextAsync(Path.Join(Work, "build.log"), log);
        await RecordDurationAsync($"{GetType().Name}: {Duration.TotalSeconds:F0} s, exit {exitCode}");
        Assert.True(exitCode == 0, $"build failed ({exitCode}):\n{log[^Math.Min(8000, log.Length)..]}");
    }

    /// <summary>
    /// The same build again, with the same store (named with <c>--store</c>, no <c>--checkpoints</c> flag), into
    /// another output directory; returns its output.
    /// </summary>
    public async Task<string> RebuildAsync(string output)
    {
        await EnsureBuiltAsync();
        var (exitCode, log, duration) = await RunBuildAsync(Path.Join(Work, output));
        await RecordDurationAsync($"{GetType().Name} rebuild: {duration.TotalSeconds:F0} s, exit {exitCode}");
        Assert.True(exitCode == 0, $"rebuild failed ({exitCode}):\n{log[^Math.Min(8000, log.Length)..]}");
        return log;
    }

    private async Task<(int ExitCode, string Log, TimeSpan Duration)> RunBuildAsync(string output)
    {
        var bin = await RealOsbuild.MachineBinDirectoryAsync();
        var image = await ImageAsync();
        var config = Path.Join(Work, "config.toml");
        await File.WriteAllTextAsync(config, ConfigToml);
        var start = BibProcess.StartInfo(BibProcess.CommandLine([
            "build", "--config", config, "--output", output, "--store", Path.Join(Work, "store"), "--progress", "verbose", .. Arguments, image]));
        start.RedirectStandardInput = false;
        start.Environment["PATH"] = string.Join(':', [bin, .. await PathDirectoriesAsync(), Environment.GetEnvironmentVariable("PATH")]);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(BuildLimit);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr, clock.Elapsed);
    }

    /// <summary>Appends <paramref name="line"/> to the run's durations log (scripts/test.sh prints it at the end).</summary>
    public static Task RecordDurationAsync(string line) =>
        File.AppendAllTextAsync(Path.Join(Path.GetTempPath(), "bib-e2e-durations.log"), line + "\n");

    /// <summary>Converts a qcow2, vmdk or vpc artifact to a raw file in the work directory and returns its path.</summary>
    public async Task<string> ToRawAsync(string artifact, string format)
    {
        var raw = Path.Join(Work, $"{Path.GetFileName(artifact)}.raw");
        await TestImages.RunCheckedAsync("qemu-img", "convert", "-f", format, "-O", "raw", artifact, raw);
        return raw;
    }

    /// <summary>Extracts <paramref name="member"/> of a tar archive into the work directory and returns its path.</summary>
    public async Task<string> ExtractAsync(string archive, string member)
    {
        var into = Directory.CreateDirectory(Path.Join(Work, $"extract-{Guid.NewGuid():N}")).FullName;
        await TestImages.RunCheckedAsync("tar", "-xSf", archive, "-C", into, member);
        return Path.Join(into, member);
    }

    /// <summary>The ostree deployment under a mounted root filesystem (exactly one).</summary>
    public static string Deployment(string root) =>
        Assert.Single(Directory.GetDirectories(Path.Join(root, "ostree", "deploy", "default", "deploy"), "*.0"));
}
