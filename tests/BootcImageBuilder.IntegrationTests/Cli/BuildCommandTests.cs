using System.Globalization;
using System.Text.Json.Nodes;
using BootcImageBuilder.Building;
using BootcImageBuilder.Cli.Tests;
using BootcImageBuilder.Cli.Tests.Gce;
using BootcImageBuilder.IntegrationTests.Containers;
using BootcImageBuilder.Randomness;
using BootcImageBuilder.Tests.Osbuild.Schema;

namespace BootcImageBuilder.IntegrationTests.Cli;

/// <summary>
/// <c>bootc-image-builder build</c> end to end with real podman and images built here, and a fake <c>osbuild</c> first on
/// PATH that records its arguments and replays monitor streams recorded from real osbuild runs.
/// </summary>
[Collection(PodmanTestGroup.Name)]
public sealed class BuildCommandTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("bib-build-").FullName;
    private readonly string _output;
    private readonly string _record;
    private readonly Dictionary<string, string?> _environment;

    public BuildCommandTests()
    {
        _output = Path.Combine(_work, "output");
        _record = Path.Combine(_work, "record");
        var bin = Directory.CreateDirectory(Path.Combine(_work, "bin")).FullName;
        File.CreateSymbolicLink(Path.Combine(bin, "osbuild"), Path.Combine(AppContext.BaseDirectory, "Build", "fake-osbuild"));
        _environment = new()
        {
            ["PATH"] = bin + ":" + Environment.GetEnvironmentVariable("PATH"),
            ["FAKE_OSBUILD_RECORD_DIR"] = _record,
            ["FAKE_OSBUILD_REPLAY"] = Path.Combine(AppContext.BaseDirectory, "Build", "Recordings", "ppc64le-raw-gce.jsonseq"),
            ["FAKE_OSBUILD_ARTIFACTS"] = "qcow2=disk.qcow2,image=disk.raw",
        };
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [SkippableFact]
    public async Task Build_runs_osbuild_as_upstream_and_puts_the_outputs_in_place()
    {
        var image = await HostImageAsync();

        var result = await BuildAsync("--type", "qcow2", "--type", "raw", "--store", "/tmp/bib-store", "--output", _output, image);

        Assert.True(result.ExitCode == 0, result.Stderr);
        var args = File.ReadAllLines(Path.Combine(_record, "args"));
        Assert.Equal(["--store", "/tmp/bib-store", "--output-directory"], args.Take(3));
        Assert.StartsWith(Path.Combine(_output, ".bib-staging-"), args[3], StringComparison.Ordinal);
        Assert.Equal(["--cache-max-size=21474836480", "-", "--export", "qcow2", "--export", "image"], args.Skip(4).Take(6));
        Assert.Equal("artifact disk.qcow2\n", File.ReadAllText(Path.Combine(_output, "qcow2", "disk.qcow2")));
        Assert.Equal("artifact disk.raw\n", File.ReadAllText(Path.Combine(_output, "image", "disk.raw")));
        Assert.Equal(
            ["image", "manifest-qcow2-raw.json", "qcow2"],
            Directory.EnumerateFileSystemEntries(_output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Empty(await PodmanProbe.ContainersOfAsync(image));
    }

    [SkippableFact]
    public async Task The_saved_manifest_is_what_osbuild_received_indented()
    {
        var image = await HostImageAsync();

        var result = await BuildAsync("--output", _output, image);

        Assert.True(result.ExitCode == 0, result.Stderr);
        var saved = File.ReadAllText(Path.Combine(_output, "manifest-qcow2.json"));
        Assert.StartsWith("{\n  \"version\": \"2\",\n", saved, StringComparison.Ordinal);
        Assert.EndsWith("}\n", saved, StringComparison.Ordinal);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(saved), JsonNode.Parse(File.ReadAllText(Path.Combine(_record, "stdin.json")))));
        OsbuildSchema.AssertValid(saved);
    }

    [SkippableFact]
    public async Task Kept_trees_are_checkpointed_and_pipelines_osbuild_skipped_are_reported_as_cached()
    {
        var image = await HostImageAsync();
        var store = Path.Combine(_work, "store");
        async Task<(BibResult Result, string[] Args)> Build()
        {
            var result = await BuildAsync("--checkpoints", "always", "--progress", "json", "--store", store, "--output", _output, image);
            Assert.True(result.ExitCode == 0, result.Stderr);
            return (result, File.ReadAllLines(Path.Combine(_record, "args")));
        }

        // The image's first build into the store keeps no build root: only a later config change would reuse it.
        var (first, firstArgs) = await Build();
        Assert.Equal(["--export", "qcow2", "--checkpoint", "image", "--checkpoint", "qcow2"], firstArgs.Skip(6).Take(6));
        Assert.DoesNotContain("build", firstArgs);
        var (_, laterArgs) = await Build();
        Assert.Equal(["--export", "qcow2", "--checkpoint", "build", "--checkpoint", "image", "--checkpoint", "qcow2"], laterArgs.Skip(6).Take(8));
        // The replayed run started build, image and gce: of what qcow2 needs, only qcow2 came from the store.
        var cached = first.Stdout.TrimEnd('\n').Split('\n').Select(l => JsonNode.Parse(l)!).Single(e => (string)e["type"]! == "cached");
        Assert.Equal(["qcow2"], cached["pipelines"]!.AsArray().Select(p => (string)p!));
    }

    [SkippableFact]
    public async Task Checkpointed_builds_repeat_their_manifest_and_unkept_ones_do_not()
    {
        var image = await HostImageAsync();
        async Task<string> ManifestOf(string mode)
        {
            var result = await BuildAsync("--checkpoints", mode, "--progress", "verbose", "--store", Path.Combine(_work, "store"), "--output", _output, image);
            Assert.True(result.ExitCode == 0, result.Stderr);
            return File.ReadAllText(Path.Combine(_output, "manifest-qcow2.json"));
        }

        Assert.Equal(await ManifestOf("always"), await ManifestOf("always"));
        Assert.NotEqual(await ManifestOf("never"), await ManifestOf("never"));
        Assert.DoesNotContain("--checkpoint", File.ReadAllLines(Path.Combine(_record, "args")));
    }

    [SkippableFact]
    public async Task A_store_named_with_store_keeps_trees_and_repeats_manifests_for_that_store_only()
    {
        var image = await HostImageAsync();
        async Task<string> ManifestWith(string store)
        {
            var result = await BuildAsync("--config", UserConfig(), "--progress", "verbose", "--store", Path.Combine(_work, store), "--output", _output, image);
            Assert.True(result.ExitCode == 0, result.Stderr);
            Assert.Contains("--checkpoint", File.ReadAllLines(Path.Combine(_record, "args")));
            return File.ReadAllText(Path.Combine(_output, "manifest-qcow2.json"));
        }

        var first = await ManifestWith("store-a");
        Assert.Equal(first, await ManifestWith("store-a"));
        var other = await ManifestWith("store-b");
        Assert.Empty(Uuids(first).Intersect(Uuids(other)));
        Assert.NotEqual(PasswordHash(first), PasswordHash(other));
    }

    [SkippableFact]
    public async Task Two_builds_starting_together_on_a_new_store_make_one_secret_and_one_manifest()
    {
        var image = await HostImageAsync();
        var store = Path.Combine(_work, "store");
        Task<BibResult> Build(string output) =>
            BuildAsync("--config", UserConfig(), "--progress", "verbose", "--store", store, "--output", Path.Combine(_work, output), image);

        var results = await Task.WhenAll(Build("out-1"), Build("out-2"));

        Assert.All(results, r => Assert.True(r.ExitCode == 0, r.Stderr));
        Assert.Equal(
            File.ReadAllText(Path.Combine(_work, "out-1", "manifest-qcow2.json")),
            File.ReadAllText(Path.Combine(_work, "out-2", "manifest-qcow2.json")));
        Assert.Equal([BuildRootHistory.DirectoryName, StoreSecret.FileName], Directory.GetFileSystemEntries(store).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(store, StoreSecret.FileName)));
    }

    [SkippableFact]
    public async Task The_store_secret_reaches_no_output_even_at_debug_level()
    {
        var image = await HostImageAsync();
        var store = Path.Combine(_work, "store");

        var result = await BuildAsync("--log-level", "debug", "--config", UserConfig(), "--progress", "verbose", "--store", store, "--output", _output, image);

        Assert.True(result.ExitCode == 0, result.Stderr);
        var secret = File.ReadAllBytes(Path.Combine(store, StoreSecret.FileName));
        var everything = result.Stdout + result.Stderr + File.ReadAllText(Path.Combine(_output, "manifest-qcow2.json")) + File.ReadAllText(Path.Combine(_record, "stdin.json"));
        Assert.Contains("Checkpoints in the osbuild store", everything, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToHexString(secret), everything, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Convert.ToBase64String(secret), everything, StringComparison.Ordinal);
        Assert.DoesNotContain("user-secret-pw", everything, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_malformed_store_secret_is_one_error_before_osbuild_runs()
    {
        var image = await HostImageAsync();
        var store = Directory.CreateDirectory(Path.Combine(_work, "store")).FullName;
        var secret = Path.Combine(store, StoreSecret.FileName);
        File.WriteAllText(secret, "short");

        var result = await BuildAsync("--store", store, "--output", _output, image);

        Assert.Equal(
            $"the secret of the osbuild store {secret} is malformed (5 bytes, expected 32); remove it to start the store's reuse afresh",
            result.ErrorMessage());
        Assert.False(File.Exists(Path.Combine(_record, "args")));
        Assert.Equal("short", File.ReadAllText(secret));
        Assert.Empty(await PodmanProbe.ContainersOfAsync(image));
    }

    private string UserConfig()
    {
        var path = Path.Combine(_work, "config.toml");
        File.WriteAllText(path, "[[customizations.user]]\nname = \"alice\"\npassword = \"user-secret-pw\"\n");
        return path;
    }

    private static IEnumerable<string> Uuids(string manifest) =>
        System.Text.RegularExpressions.Regex.Matches(manifest, "\"uuid\": \"([0-9A-Fa-f-]{36})\"").Select(m => m.Groups[1].Value);

    private static string PasswordHash(string manifest) =>
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(manifest, "\"password\": \"(\\$6\\$[^\"]+)\"")).Groups[1].Value;

    [SkippableFact]
    public async Task An_unknown_checkpoint_mode_is_one_error_before_anything_runs()
    {
        var result = await BuildAsync("--checkpoints", "sometimes", "--output", _output, "localhost/does-not-matter:latest");

        Assert.Equal("cannot use checkpoints: unknown mode \"sometimes\" (auto, always or never)", result.ErrorMessage());
        Assert.False(Directory.Exists(_record));
    }

    [SkippableFact]
    public async Task Verbose_progress_passes_osbuild_output_through()
    {
        var image = await HostImageAsync();
        _environment["FAKE_OSBUILD_STDOUT"] = "osbuild says hello";

        var result = await BuildAsync("--progress", "verbose", "--output", _output, image);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("osbuild says hello\n", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("--monitor=JSONSeqMonitor", File.ReadAllText(Path.Combine(_record, "args")), StringComparison.Ordinal);
        Assert.Contains("Build complete!\n", result.Stderr, StringComparison.Ordinal);
        Assert.Contains($"Results saved in {_output}\n", result.Stderr, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Auto_progress_without_a_terminal_is_verbose()
    {
        var image = await HostImageAsync();
        _environment["FAKE_OSBUILD_STDOUT"] = "osbuild output";

        var result = await BuildAsync("--output", _output, image);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("osbuild output\n", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("--monitor=JSONSeqMonitor", File.ReadAllText(Path.Combine(_record, "args")), StringComparison.Ordinal);
        Assert.Contains("Manifest generation step\n", result.Stderr, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Debug_progress_prints_each_marker_once_and_nothing_on_stdout()
    {
        var image = await HostImageAsync();

        var result = await BuildAsync("--progress", "debug", "--output", _output, image);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.Single(result.StderrLines, l => l == "Start progressbar");
        Assert.Single(result.StderrLines, l => l == "Stop progressbar");
        Assert.Single(result.StderrLines, l => l == "pulse: Manifest generation step");
        Assert.Single(result.StderrLines, l => l == "pulse: Disk image building step");
        Assert.Single(result.StderrLines, l => l == "msg: Build complete!");
        Assert.Contains("[2 / 4] Pipeline image", result.StderrLines);
        Assert.Contains("  [4 / 10] Stage org.osbuild.bootc.install-to-filesystem", result.StderrLines);
    }

    [SkippableFact]
    public async Task Term_progress_works_without_a_tty()
    {
        var image = await HostImageAsync();

        var result = await BuildAsync("--progress", "term", "--output", _output, image);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("] Manifest generation step", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Message: Results saved in", result.Stderr, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Json_progress_is_one_event_per_line_on_stdout()
    {
        var image = await HostImageAsync();

        var result = await BuildAsync("--progress", "json", "--type", "qcow2", "--type", "raw", "--output", _output, image);

        Assert.True(result.ExitCode == 0, result.Stderr);
        var events = result.Stdout.TrimEnd('\n').Split('\n').Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(("message", "Generating manifest manifest-qcow2-raw.json"), ((string)events[0]["type"]!, (string)events[0]["message"]!));
        Assert.Contains(events, e => (string)e["type"]! == "pulse" && (string)e["message"]! == "Disk image building step");
        Assert.Contains(events, e => (string)e["type"]! == "progress" && (string?)e["stage"] == "org.osbuild.truncate" && (string?)e["pipeline"] == "image");
        Assert.Equal(
            [("qcow2", Path.Combine(_output, "qcow2", "disk.qcow2")), ("raw", Path.Combine(_output, "image", "disk.raw"))],
            events.Where(e => (string)e["type"]! == "result").Select(e => ((string)e["image_type"]!, (string)e["path"]!)));
        Assert.DoesNotContain(events, e => (string)e["type"]! == "error");
    }

    [SkippableFact]
    public async Task A_failed_build_ends_the_json_stream_with_an_error_event()
    {
        var image = await HostImageAsync();
        _environment["FAKE_OSBUILD_REPLAY"] = Path.Combine(AppContext.BaseDirectory, "Build", "Recordings", "s390x-chown-fails.jsonseq");
        _environment["FAKE_OSBUILD_EXIT"] = "1";

        var result = await BuildAsync("--progress", "json", "--output", _output, image);

        Assert.Equal(1, result.ExitCode);
        var last = JsonNode.Parse(result.Stdout.TrimEnd('\n').Split('\n')[^1])!;
        Assert.Equal("error", (string)last["type"]!);
        Assert.StartsWith("cannot run osbuild: error running osbuild: exit status 1\nBuildLog:", (string)last["message"]!, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Stdout.TrimEnd('\n').Split('\n'), l => (string)JsonNode.Parse(l)!["type"]! == "result");
    }

    [SkippableFact]
    public async Task A_failing_osbuild_is_one_error_with_the_build_log_and_leaves_no_artifact()
    {
        var image = await HostImageAsync();
        _environment["FAKE_OSBUILD_REPLAY"] = Path.Combine(AppContext.BaseDirectory, "Build", "Recordings", "s390x-chown-fails.jsonseq");
        _environment["FAKE_OSBUILD_EXIT"] = "1";
        _environment["FAKE_OSBUILD_STDOUT"] = "Failed";

        var result = await BuildAsync("--progress", "term", "--output", _output, image);

        var message = result.ErrorMessage();
        Assert.StartsWith("cannot run osbuild: error running osbuild: exit status 1\nBuildLog:\n", message, StringComparison.Ordinal);
        Assert.EndsWith("\nOutput:\nFailed", message, StringComparison.Ordinal);
        Assert.Equal(["manifest-qcow2.json"], Directory.EnumerateFileSystemEntries(_output).Select(Path.GetFileName));
    }

    [SkippableTheory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task A_signal_during_osbuild_stops_it_and_leaves_no_partial_artifact_or_container(string signal)
    {
        var image = await HostImageAsync();
        _environment["FAKE_OSBUILD_SLEEP"] = "60";

        var result = await BuildAsync(["--progress", "verbose", "--output", _output, image], async process =>
        {
            await BibProcess.AssertTakesSigIntAsync(process.Id);
            for (var i = 0; i < 600 && !File.Exists(Path.Combine(_record, "sleeping")); i++)
            {
                await Task.Delay(100);
            }

            await TestImages.RunCheckedAsync("kill", $"-{signal}", process.Id.ToString(CultureInfo.InvariantCulture));
        });

        Assert.Equal("interrupted", result.ErrorMessage());
        Assert.True(File.Exists(Path.Combine(_record, "interrupted")), "osbuild was not interrupted");
        Assert.Equal(["manifest-qcow2.json"], Directory.EnumerateFileSystemEntries(_output).Select(Path.GetFileName));
        Assert.Empty(await PodmanProbe.ContainersOfAsync(image));
    }

    [SkippableTheory]
    [InlineData("1000:1000", "1000:1000")]
    [InlineData("1000", "1000:0")]
    public async Task Chown_gives_the_outputs_to_the_user(string chown, string owner)
    {
        Skip.IfNot(Environment.UserName == "root", "changing owners needs root");
        var image = await HostImageAsync();

        var result = await BuildAsync("--chown", chown, "--type", "qcow2", "--type", "raw", "--output", _output, image);

        Assert.True(result.ExitCode == 0, result.Stderr);
        var tree = (await TestImages.RunCheckedAsync("find", _output, "-printf", "%P %U:%G\n")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            [$" {owner}", $"image {owner}", $"image/disk.raw {owner}", $"manifest-qcow2-raw.json {owner}", $"qcow2 {owner}", $"qcow2/disk.qcow2 {owner}"],
            tree.Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public async Task An_output_directory_that_refuses_chown_makes_osbuild_skip_preserving_owners()
    {
        var image = await HostImageAsync();
        await using var fat = await FatMount.CreateAsync(_work);

        var result = await BuildAsync("--output", fat.Directory, image);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal("OSBUILD_EXPORT_FORCE_NO_PRESERVE_OWNER=1\n", File.ReadAllText(Path.Combine(_record, "env")));
        Assert.Equal("artifact disk.qcow2\n", File.ReadAllText(Path.Combine(fat.Directory, "qcow2", "disk.qcow2")));
    }

    [SkippableFact]
    public async Task Chown_into_a_directory_that_refuses_it_is_refused_before_building()
    {
        var image = await HostImageAsync();
        await using var fat = await FatMount.CreateAsync(_work);

        var result = await BuildAsync("--chown", "1000:1000", "--output", fat.Directory, image);

        Assert.Equal("chowning is not allowed in output directory", result.ErrorMessage());
        Assert.False(File.Exists(Path.Combine(_record, "args")), "osbuild ran");
        Assert.Empty(Directory.EnumerateFileSystemEntries(fat.Directory));
    }

    [SkippableFact]
    public async Task Without_chown_the_outputs_stay_with_root()
    {
        Skip.IfNot(Environment.UserName == "root", "checking owners needs root");
        var image = await HostImageAsync();

        var result = await BuildAsync("--output", _output, image);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal("0:0", (await TestImages.RunCheckedAsync("stat", "-c", "%u:%g", Path.Combine(_output, "qcow2", "disk.qcow2"))).Trim());
    }

    /// <summary>A FAT filesystem mounted through FUSE: a real directory in which chown fails, as on vfat or some NFS.</summary>
    private sealed class FatMount : IAsyncDisposable
    {
        private FatMount(string directory) => Directory = directory;

        public string Directory { get; }

        public static async Task<FatMount> CreateAsync(string work)
        {
            Skip.If(Processes.ExecutableLookup.Find("fusefat") is null || !File.Exists("/dev/fuse"), "fusefat or /dev/fuse is missing (scripts/setup-host.sh installs fusefat)");
            var image = Path.Combine(work, "fat.img");
            var directory = System.IO.Directory.CreateDirectory(Path.Combine(work, "fat")).FullName;
            await TestImages.RunCheckedAsync("truncate", "-s", "64M", image);
            await TestImages.RunCheckedAsync("mkfs.vfat", image);
            await TestImages.RunCheckedAsync("fusefat", "-o", "rw+", image, directory);
            return new FatMount(directory);
        }

        public async ValueTask DisposeAsync() => await TestImages.RunCheckedAsync("fusermount", "-u", Directory);
    }

    [SkippableFact]
    public async Task Build_with_gce_flags_uploads_the_gce_archive_and_registers_the_image()
    {
        var image = await HostImageAsync();
        using var server = new GoogleCloudTestServer("bib-test-project", "bib-test-bucket");
        using var archive = new GceArchive(64 * 1024);
        foreach (var (name, value) in server.ToolEnvironment())
        {
            _environment[name] = value;
        }

        _environment["FAKE_OSBUILD_ARTIFACTS"] = "gce=image.tar.gz";
        _environment["FAKE_OSBUILD_ARTIFACT_FROM"] = archive.Path;

        var result = await BuildAsync(
            "--type", "gce", "--progress", "verbose", "--output", _output,
            "--gce-project", "bib-test-project", "--gce-bucket", "bib-test-bucket", "--gce-image-name", "my-bootc-image", image);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal("GCE image registered: my-bootc-image", result.Stdout.TrimEnd('\n').Split('\n')[^1]);
        Assert.Empty(server.Refusals);
        Assert.True(server.Compute.Images.ContainsKey("my-bootc-image"));
        Assert.Equal(archive.Bytes, Assert.Single(server.Storage.DeletedObjects).Data);
        Assert.Empty(server.Storage.Objects);
        Assert.Equal(archive.Bytes, File.ReadAllBytes(Path.Combine(_output, "gce", "image.tar.gz")));
    }

    [SkippableFact]
    public async Task Build_with_a_missing_gce_bucket_fails_before_osbuild_runs()
    {
        var image = await HostImageAsync();
        using var server = new GoogleCloudTestServer("bib-test-project", "bib-test-bucket");
        foreach (var (name, value) in server.ToolEnvironment())
        {
            _environment[name] = value;
        }

        var result = await BuildAsync(
            "--type", "gce", "--output", _output,
            "--gce-project", "bib-test-project", "--gce-bucket", "other-bucket", "--gce-image-name", "my-bootc-image", image);

        Assert.Equal("cannot handle GCE setup: bucket other-bucket does not exist", result.ErrorMessage());
        Assert.False(File.Exists(Path.Combine(_record, "args")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_output));
    }

    private static async Task<string> HostImageAsync()
    {
        Skip.If(TestImages.MissingToolsReason is not null, TestImages.MissingToolsReason);
        return await TestImages.EnsureBuiltAsync(TestImages.CentOsStream9(Arch.Current.GoArch));
    }

    private Task<BibResult> BuildAsync(params string[] args) => BuildAsync(args, whileRunning: null);

    private Task<BibResult> BuildAsync(string[] args, Func<System.Diagnostics.Process, Task>? whileRunning) =>
        BibProcess.RunAsync(["build", .. args], environment: _environment, whileRunning: whileRunning);
}
