using BootcImageBuilder.Cli.Tests;
using BootcImageBuilder.IntegrationTests.Containers;
using BootcImageBuilder.Osbuild.Running;

namespace BootcImageBuilder.IntegrationTests.Osbuild;

[Collection(PodmanTestGroup.Name)]
public sealed class RealOsbuildTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("real-osbuild-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [SkippableFact]
    public async Task The_runner_reads_real_osbuilds_monitor_and_gets_its_exports()
    {
        var runner = new OsbuildRunner(await RealOsbuild.ExecutableAsync(_work));
        var output = Path.Combine(_work, "out");
        var statuses = new List<MonitorStatus>();

        await runner.RunMonitoredAsync(
            Recording("two-pipelines.manifest.json"),
            new OsbuildInvocation(Path.Combine(_work, "store"), output, ["image", "archive"]),
            statuses.Add,
            CancellationToken.None);

        Assert.Equal(1048576, new FileInfo(Path.Combine(output, "image", "disk.raw")).Length);
        Assert.True(File.Exists(Path.Combine(output, "archive", "image.tar")));
        Assert.Equal(
            ["org.osbuild.mkdir", "org.osbuild.mkdir", "org.osbuild.truncate", "org.osbuild.tar"],
            statuses.Where(s => s.Result is not null).Select(s => s.Result!.Stage));
    }

    [SkippableFact]
    public async Task A_real_failing_stage_is_reported_with_its_build_log()
    {
        var runner = new OsbuildRunner(await RealOsbuild.ExecutableAsync(_work));

        var error = await Assert.ThrowsAsync<BibException>(() => runner.RunMonitoredAsync(
            Recording("failing-stage.manifest.json"),
            new OsbuildInvocation(Path.Combine(_work, "store"), Path.Combine(_work, "out"), ["tree"]),
            _ => { },
            CancellationToken.None));

        Assert.StartsWith("error running osbuild: exit status 1\nBuildLog:\n", error.Message, StringComparison.Ordinal);
        Assert.Contains("Starting module org.osbuild.chmod", error.Message, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData("amd64", "x86_64")]
    [InlineData("arm64", "aarch64")]
    [InlineData("ppc64le", "ppc64le")]
    [InlineData("s390x", "s390x")]
    [InlineData("riscv64", "riscv64")]
    public async Task Real_osbuild_accepts_our_manifests(string goArch, string arch)
    {
        var osbuild = await RealOsbuild.ExecutableAsync(_work);
        if (TestImages.MissingToolsReason is { } missing)
        {
            RealOsbuild.SkipOrFail(missing);
        }

        var image = await TestImages.EnsureBuiltAsync(TestImages.CentOsStream9(goArch));
        const string config = """{"customizations": {"user": [{"name": "alice", "password": "pw", "groups": ["wheel"]}], "filesystem": [{"mountpoint": "/var/log", "minsize": "2 GiB"}]}}""";
        var manifest = await BibProcess.RunAsync(["manifest", "--config", "-", "--target-arch", arch, image], stdin: config);
        Assert.True(manifest.ExitCode == 0, manifest.Stderr);
        var path = Path.Combine(_work, "manifest.json");
        await File.WriteAllTextAsync(path, manifest.Stdout);

        var inspect = await TestImages.RunCheckedAsync(osbuild, "--inspect", path);

        Assert.Contains("\"pipelines\"", inspect, StringComparison.Ordinal);
    }

    private static string Recording(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Build", "Recordings", name));
}
