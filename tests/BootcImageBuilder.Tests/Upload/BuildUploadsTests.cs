using BootcImageBuilder.Building;
using BootcImageBuilder.Upload;

namespace BootcImageBuilder.Tests.Upload;

public class BuildUploadsTests
{
    private static readonly IReadOnlyList<Artifact> Built =
    [
        new("raw", "/out/image/disk.raw"),
        new("gce", "/out/gce/image.tar.gz"),
        new("ami", "/out/image/disk.raw"),
        new("qcow2", "/out/qcow2/disk.qcow2"),
    ];

    [Fact]
    public async Task Each_target_gets_the_artifact_of_the_type_that_names_it_in_the_type_table()
    {
        var aws = new RecordingTarget("aws");
        var gce = new RecordingTarget("gce");

        await new BuildUploads([aws, gce]).UploadAsync(Built, new SilentView(), CancellationToken.None);

        Assert.Equal(["/out/image/disk.raw"], aws.Uploaded);
        Assert.Equal(["/out/gce/image.tar.gz"], gce.Uploaded);
    }

    [Fact]
    public async Task Every_target_is_checked_in_order_before_any_upload()
    {
        var log = new List<string>();
        var aws = new RecordingTarget("aws", log);
        var gce = new RecordingTarget("gce", log);

        await new BuildUploads([aws, gce]).CheckAsync(CancellationToken.None);

        Assert.Equal(["check aws", "check gce"], log);
        Assert.Empty(aws.Uploaded);
    }

    [Fact]
    public async Task A_target_no_type_names_is_a_programming_error_not_a_silent_skip()
    {
        var unknown = new RecordingTarget("azure");

        await Assert.ThrowsAsync<InvalidOperationException>(
            () => new BuildUploads([unknown]).UploadAsync(Built, new SilentView(), CancellationToken.None));
    }

    private sealed class RecordingTarget(string provider, List<string>? log = null) : IUploadTarget
    {
        public string Provider => provider;

        public List<string> Uploaded { get; } = [];

        public Task CheckAsync(CancellationToken cancellationToken)
        {
            log?.Add($"check {provider}");
            return Task.CompletedTask;
        }

        public Task UploadAsync(string artifactPath, IUploadView progress, CancellationToken cancellationToken)
        {
            Uploaded.Add(artifactPath);
            return Task.CompletedTask;
        }

        public void Dispose()
        {
        }
    }

    private sealed class SilentView : IUploadView
    {
        public IProgress<long>? Transfer(string label, long totalBytes) => null;

        public void Status(string line)
        {
        }

        public void Result(string line)
        {
        }
    }
}
