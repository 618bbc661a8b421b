using BootcImageBuilder.Cli.Tests;
using BootcImageBuilder.IntegrationTests.Containers;

namespace BootcImageBuilder.IntegrationTests.Upload;

/// <summary>
/// <c>build --aws-*</c> end to end: real podman and a test image, the fake <c>osbuild</c> that writes the artifacts, and
/// a real moto server receiving the upload.
/// </summary>
[Collection(PodmanTestGroup.Name)]
public sealed class BuildWithAwsUploadTests : IClassFixture<MotoServer>, IDisposable
{
    private readonly MotoServer _moto;
    private readonly string _work = Directory.CreateTempSubdirectory("bib-build-aws-").FullName;
    private readonly string _output;
    private readonly string _record;

    public BuildWithAwsUploadTests(MotoServer moto)
    {
        _moto = moto;
        _output = Path.Combine(_work, "output");
        _record = Path.Combine(_work, "record");
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [SkippableFact]
    public async Task An_ami_build_is_registered_and_its_disk_stays_in_the_output()
    {
        await _moto.EnsureStartedAsync();
        var image = await HostImageAsync();
        var bucket = await _moto.CreateBucketAsync("build");
        var name = "built-" + Guid.NewGuid().ToString("N")[..8];

        var result = await BuildAsync("--type", "ami", "--aws-region", MotoServer.Region, "--aws-bucket", bucket, "--aws-ami-name", name, image);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("] 100.00%", result.Stdout, StringComparison.Ordinal);
        var registered = Assert.Single(await _moto.ImagesNamedAsync(name));
        Assert.Contains($"AMI registered: {registered.ImageId}\n", result.Stdout, StringComparison.Ordinal);
        Assert.Contains(registered.Tags, t => t.Key == "Name" && t.Value == name);
        Assert.Equal("artifact disk.raw\n", File.ReadAllText(Path.Combine(_output, "image", "disk.raw")));
        Assert.Empty(await _moto.ObjectKeysAsync(bucket));
    }

    [SkippableFact]
    public async Task Raw_and_ami_in_one_build_upload_their_shared_disk()
    {
        await _moto.EnsureStartedAsync();
        var image = await HostImageAsync();
        var bucket = await _moto.CreateBucketAsync("build");
        var name = "raw-and-ami-" + Guid.NewGuid().ToString("N")[..8];

        var result = await BuildAsync(
            "--type", "raw", "--type", "ami", "--aws-region", MotoServer.Region, "--aws-bucket", bucket, "--aws-ami-name", name, image);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Single(await _moto.ImagesNamedAsync(name));
        Assert.True(File.Exists(Path.Combine(_output, "image", "disk.raw")));
        Assert.Empty(await _moto.ObjectKeysAsync(bucket));
    }

    [SkippableFact]
    public async Task Json_progress_keeps_stdout_to_events_through_the_upload()
    {
        await _moto.EnsureStartedAsync();
        var image = await HostImageAsync();
        var bucket = await _moto.CreateBucketAsync("build");

        var result = await BuildAsync(
            "--progress", "json", "--type", "ami", "--aws-region", MotoServer.Region, "--aws-bucket", bucket, "--aws-ami-name", "json-build", image);

        Assert.True(result.ExitCode == 0, result.Stderr);
        var events = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement).ToList();
        Assert.Contains(events, e => e.TryGetProperty("unit", out var unit) && unit.GetString() == "bytes" && e.GetProperty("done").GetInt64() == e.GetProperty("total").GetInt64());
        Assert.Contains(events, e => e.GetProperty("type").GetString() == "message" && e.GetProperty("message").GetString()!.StartsWith("AMI registered: ami-", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task A_failing_check_ends_the_build_before_a_manifest_or_osbuild()
    {
        await _moto.EnsureStartedAsync();

        var result = await BuildAsync(
            "--type", "ami", "--aws-region", MotoServer.Region, "--aws-bucket", "not-in-this-account", "--aws-ami-name", "n",
            "localhost/bib-no-such-image:never-pulled");

        Assert.Equal("cannot handle AWS setup: bucket 'not-in-this-account' not found in the given AWS account", result.ErrorMessage());
        Assert.False(Directory.Exists(_record), "osbuild ran");
        Assert.Empty(Directory.EnumerateFileSystemEntries(_output));
    }

    private static async Task<string> HostImageAsync()
    {
        Skip.If(TestImages.MissingToolsReason is not null, TestImages.MissingToolsReason);
        return await TestImages.EnsureBuiltAsync(TestImages.CentOsStream9(Arch.Current.GoArch));
    }

    private Task<BibResult> BuildAsync(params string[] args)
    {
        var bin = Directory.CreateDirectory(Path.Combine(_work, "bin")).FullName;
        var osbuild = Path.Combine(bin, "osbuild");
        if (!File.Exists(osbuild))
        {
            File.CreateSymbolicLink(osbuild, Path.Combine(AppContext.BaseDirectory, "Build", "fake-osbuild"));
        }

        var environment = _moto.ToolEnvironment();
        environment["PATH"] = bin + ":" + Environment.GetEnvironmentVariable("PATH");
        environment["FAKE_OSBUILD_RECORD_DIR"] = _record;
        environment["FAKE_OSBUILD_REPLAY"] = Path.Combine(AppContext.BaseDirectory, "Build", "Recordings", "ppc64le-raw-gce.jsonseq");
        environment["FAKE_OSBUILD_ARTIFACTS"] = "image=disk.raw";
        return BibProcess.RunAsync(["build", "--store", Path.Combine(_work, "store"), "--output", _output, .. args], environment: environment);
    }
}
