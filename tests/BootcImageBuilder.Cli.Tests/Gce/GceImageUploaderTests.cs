using BootcImageBuilder.Upload.Gce;

namespace BootcImageBuilder.Cli.Tests.Gce;

/// <summary>
/// The core's uploader in this process, with the storage endpoint given explicitly (as the real service is reached):
/// then storage requests must carry the token the token endpoint issued, unlike an emulator's. One test only: the
/// library caches application-default credentials for the life of the process.
/// </summary>
public sealed class GceImageUploaderTests : IDisposable
{
    private const int Chunk = 256 * 1024;
    private readonly GoogleCloudTestServer _server = new("bib-test-project", "bib-test-bucket", storageIsEmulator: false);
    private readonly GceArchive _archive = new(600 * 1024);
    private readonly string? _credentialsBefore = Environment.GetEnvironmentVariable("GOOGLE_APPLICATION_CREDENTIALS");

    public GceImageUploaderTests() => Environment.SetEnvironmentVariable("GOOGLE_APPLICATION_CREDENTIALS", _server.Key.FilePath);

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("GOOGLE_APPLICATION_CREDENTIALS", _credentialsBefore);
        _server.Dispose();
        _archive.Dispose();
    }

    [Fact]
    public async Task Outside_an_emulator_every_storage_request_carries_the_issued_token()
    {
        var progress = new RecordingProgress();
        var uploader = new GceImageUploader(new GceEndpoints(_server.BaseUri, _server.StorageApi)) { ChunkSize = Chunk, PollInterval = TimeSpan.FromMilliseconds(50) };

        var name = await uploader.UploadAsync(GceImageRequest.Create("bib-test-project", "bib-test-bucket", "my-image"), _archive.Path, progress, CancellationToken.None);

        Assert.Equal("my-image", name);
        Assert.Empty(_server.Refusals);
        Assert.True(_server.Compute.Images.ContainsKey("my-image"));
        Assert.Equal(_archive.Bytes, Assert.Single(_server.Storage.DeletedObjects).Data);
        Assert.Empty(_server.Storage.Objects);
        // 600 KiB of disk and the tar framing: two full chunks and a last one.
        Assert.Equal(3, _server.Requests.Count(r => r.StartsWith("PUT /upload/storage/v1/b/bib-test-bucket/o", StringComparison.Ordinal)));
        Assert.Equal([Chunk, 2 * Chunk, _archive.Bytes.Length], progress.Values.Where(v => v > 0).Distinct());
    }

    private sealed class RecordingProgress : IProgress<long>
    {
        public List<long> Values { get; } = [];

        public void Report(long value)
        {
            lock (Values)
            {
                Values.Add(value);
            }
        }
    }
}
