using System.Collections.Concurrent;
using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using BootcImageBuilder.Upload.Aws;

namespace BootcImageBuilder.Tests.Upload;

public sealed class S3MultipartUploadTests : IDisposable
{
    private readonly string _image = Path.GetTempFileName();

    public void Dispose() => File.Delete(_image);

    [Fact]
    public async Task Every_part_carries_its_crc32_and_the_completion_lists_them_as_the_aws_cli_sends_them()
    {
        // Parts of 5 MiB of 1s, 5 MiB of 2s and 7 bytes of 3s; their CRC32s (big-endian, base64) from Python's binascii.
        File.WriteAllBytes(_image, [.. Enumerable.Repeat((byte)1, 5 << 20), .. Enumerable.Repeat((byte)2, 5 << 20), .. Enumerable.Repeat((byte)3, 7)]);
        using var s3 = new RecordingS3();

        await new S3MultipartUpload(s3, AmiUploadTuning.Default with { PartSize = 5 << 20 }).UploadAsync(_image, "bucket", "key", null, CancellationToken.None);

        Assert.Equal(ChecksumAlgorithm.CRC32, s3.Initiated!.ChecksumAlgorithm);
        Assert.Equal([1, 2, 3], s3.Parts.Keys.Order());
        Assert.All(s3.Parts.Values, part => Assert.Equal(ChecksumAlgorithm.CRC32, part.ChecksumAlgorithm));
        Assert.Equal(["67XDxA==", "jCdSFw==", "z2feUw=="], s3.Parts.OrderBy(p => p.Key).Select(p => p.Value.ChecksumCRC32));
        Assert.Equal(
            [(1, "\"etag-1\"", "67XDxA=="), (2, "\"etag-2\"", "jCdSFw=="), (3, "\"etag-3\"", "z2feUw==")],
            s3.Completed!.PartETags.Select(p => (p.PartNumber ?? 0, p.ETag, p.ChecksumCRC32)));
    }

    /// <summary>Answers the multipart calls as S3 does.</summary>
    private sealed class RecordingS3() : AmazonS3Client(new BasicAWSCredentials("id", "secret"), RegionEndpoint.USEast1)
    {
        public InitiateMultipartUploadRequest? Initiated { get; private set; }

        public ConcurrentDictionary<int, UploadPartRequest> Parts { get; } = new();

        public CompleteMultipartUploadRequest? Completed { get; private set; }

        public override Task<InitiateMultipartUploadResponse> InitiateMultipartUploadAsync(
            InitiateMultipartUploadRequest request, CancellationToken cancellationToken = default)
        {
            Initiated = request;
            return Task.FromResult(new InitiateMultipartUploadResponse { UploadId = "upload" });
        }

        public override Task<UploadPartResponse> UploadPartAsync(UploadPartRequest request, CancellationToken cancellationToken = default)
        {
            var number = request.PartNumber ?? 0;
            Parts[number] = request;
            return Task.FromResult(new UploadPartResponse { ETag = $"\"etag-{number}\"", ChecksumCRC32 = request.ChecksumCRC32 });
        }

        public override Task<CompleteMultipartUploadResponse> CompleteMultipartUploadAsync(
            CompleteMultipartUploadRequest request, CancellationToken cancellationToken = default)
        {
            Completed = request;
            return Task.FromResult(new CompleteMultipartUploadResponse { Location = "location" });
        }
    }
}
