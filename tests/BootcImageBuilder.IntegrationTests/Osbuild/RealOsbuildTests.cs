using System.Text.Json.Nodes;
using BootcImageBuilder.Cli.Tests;
using BootcImageBuilder.IntegrationTests.Containers;
using BootcImageBuilder.Osbuild.Running;

namespace BootcImageBuilder.IntegrationTests.Osbuild;

[Collection(PodmanTestGroup.Name)]
public sealed class RealOsbuildTests : IDisposable
{
    // Two small host-built pipelines (no build root, no container), quick to run through real osbuild.
    private const string TwoPipelines = """
        {"version":"2","pipelines":[
          {"name":"image","stages":[
            {"type":"org.osbuild.mkdir","options":{"paths":[{"path":"/etc/demo","mode":493,"parents":true}]}},
            {"type":"org.osbuild.mkdir","options":{"paths":[{"path":"/var/demo","mode":448,"parents":true}]}},
            {"type":"org.osbuild.truncate","options":{"filename":"disk.raw","size":"1048576"}}]},
          {"name":"archive","stages":[
            {"type":"org.osbuild.tar","inputs":{"tree":{"type":"org.osbuild.tree","origin":"org.osbuild.pipeline","references":["name:image"]}},
             "options":{"filename":"image.tar","format":"ustar"}}]}]}
        """;

    private const string FailingStage = """
        {"version":"2","pipelines":[{"name":"tree","stages":[
          {"type":"org.osbuild.mkdir","options":{"paths":[{"path":"/etc/demo","mode":493,"parents":true}]}},
          {"type":"org.osbuild.chmod","options":{"items":{"/does/not/exist":{"mode":"0755"}}}}]}]}
        """;

    private readonly string _work = Directory.CreateTempSubdirectory("real-osbuild-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [SkippableFact]
    public async Task The_runner_reads_real_osbuilds_monitor_and_gets_its_exports()
    {
        var runner = new OsbuildRunner(await RealOsbuild.ExecutableAsync(_work));
        var output = Path.Combine(_work, "out");
        var statuses = new List<MonitorStatus>();

        await runner.RunMonitoredAsync(
            TwoPipelines,
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
            FailingStage,
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

        var inspected = JsonNode.Parse(await TestImages.RunCheckedAsync(osbuild, "--inspect", path))!;

        // osbuild read every pipeline and stage as we wrote them, and gave each stage its content id.
        var ours = JsonNode.Parse(manifest.Stdout)!["pipelines"]!.AsArray();
        var theirs = inspected["pipelines"]!.AsArray();
        Assert.Equal(ours.Select(p => (string)p!["name"]!), theirs.Select(p => (string)p!["name"]!));
        foreach (var (mine, read) in ours.Zip(theirs))
        {
            var stages = read!["stages"]?.AsArray() ?? [];
            Assert.Equal((mine!["stages"]?.AsArray() ?? []).Select(st => (string)st!["type"]!), stages.Select(st => (string)st!["type"]!));
            Assert.All(stages, st => Assert.Matches("^[0-9a-f]{64}$", (string)st!["id"]!));
        }

        // And it refuses a manifest whose stage options break the stage's schema.
        var broken = JsonNode.Parse(manifest.Stdout)!;
        var truncate = broken["pipelines"]!.AsArray().Single(p => (string)p!["name"]! == "image")!["stages"]!.AsArray()
            .First(st => (string)st!["type"]! == "org.osbuild.truncate")!;
        truncate["options"]!["size"] = 10;
        truncate["options"]!["surprise"] = true;
        var brokenPath = Path.Combine(_work, "broken.json");
        await File.WriteAllTextAsync(brokenPath, broken.ToJsonString());
        var refused = await new BootcImageBuilder.Processes.ProcessRunner().RunAsync(osbuild, ["--inspect", brokenPath], CancellationToken.None);
        Assert.Equal(2, refused.ExitCode);
        var errors = JsonNode.Parse(refused.Stdout)!["errors"]!.AsArray().Select(e => (string)e!["message"]!).ToList();
        Assert.Contains("Additional properties are not allowed ('surprise' was unexpected)", errors);
        Assert.Contains("10 is not of type 'string'", errors);
    }

    [SkippableTheory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Checkpointed_pipelines_are_taken_from_the_store_next_time_and_the_runner_tells_which(bool monitored)
    {
        var runner = new OsbuildRunner(await RealOsbuild.ExecutableAsync(_work));
        var store = Path.Combine(_work, "store");
        Task<IReadOnlyList<string>> Run(string output, params string[] checkpoints)
        {
            var invocation = new OsbuildInvocation(store, Path.Combine(_work, output), ["archive"]) { Checkpoints = checkpoints };
            return monitored
                ? runner.RunMonitoredAsync(TwoPipelines, invocation, _ => { }, CancellationToken.None)
                : runner.RunPassthroughAsync(TwoPipelines, invocation, TextWriter.Null, TextWriter.Null, CancellationToken.None);
        }

        Assert.Equal(["image", "archive"], await Run("first", "image"));
        // The image tree was kept, so only the archive is built again; then both are kept and nothing is built.
        Assert.Equal(["archive"], await Run("second", "image", "archive"));
        Assert.Empty(await Run("third"));
        Assert.True(File.Exists(Path.Combine(_work, "third", "archive", "image.tar")));
    }
}
