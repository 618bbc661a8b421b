using System.Buffers;
using System.Buffers.Binary;
using System.IO.Hashing;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Win32.SafeHandles;

namespace BootcImageBuilder.Upload.Aws;

/// <summary>
/// Sends a file to S3 as a multipart upload whose parts are read at their offsets and sent in parallel, each with its
/// CRC32 (the completion then lists them, and S3 keeps the object's composite checksum). On any
/// failure or cancellation the upload is aborted, so S3 keeps neither an object nor the parts sent so far.
/// </summary>
internal sealed class S3MultipartUpload(IAmazonS3 s3, AmiUploadTuning tuning)
{
    /// <returns>The object's location, as S3 reports it.</returns>
    public async Task<string> UploadAsync(
        string path, string bucket, string key, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.Asynchronous);
        var length = RandomAccess.GetLength(file);
        var partSize = tuning.PartSizeFor(length);
        var partCount = (int)Math.Max(1, (length + partSize - 1) / partSize);
        var started = await s3.InitiateMultipartUploadAsync(
            new InitiateMultipartUploadRequest { BucketName = bucket, Key = key, ChecksumAlgorithm = ChecksumAlgorithm.CRC32 }, cancellationToken);
        try
        {
            var counter = new TransferCounter(partCount, progress);
            var parts = new PartETag[partCount];
            var options = new ParallelOptions { MaxDegreeOfParallelism = tuning.Parallelism, CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(Enumerable.Range(1, partCount), options, async (number, token) =>
            {
                var offset = (number - 1) * partSize;
                var size = (int)Math.Min(partSize, length - offset);
                var etag = await UploadPartAsync(file, started.UploadId, bucket, key, number, offset, size, counter, token);
                parts[number - 1] = etag;
            });
            var completed = await s3.CompleteMultipartUploadAsync(
                new CompleteMultipartUploadRequest { BucketName = bucket, Key = key, UploadId = started.UploadId, PartETags = [.. parts] },
                cancellationToken);
            return completed.Location;
        }
        catch
        {
            await AbortAsync(bucket, key, started.UploadId);
            throw;
        }
    }

    private async Task<PartETag> UploadPartAsync(
        SafeFileHandle file,
        string uploadId,
        string bucket,
        string key,
        int number,
        long offset,
        int size,
        TransferCounter counter,
        CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(size, 1));
        try
        {
            await ReadExactlyAsync(file, buffer.AsMemory(0, size), offset, cancellationToken);
            var checksum = Crc32Base64(buffer.AsSpan(0, size));
            using var body = new MemoryStream(buffer, 0, size, writable: false);
            var request = new UploadPartRequest
            {
                BucketName = bucket,
                Key = key,
                UploadId = uploadId,
                PartNumber = number,
                PartSize = size,
                InputStream = body,
                // The part is in memory: one signature over its hash, as the AWS CLI sends it, costs less on both
                // ends than aws-chunked signing of every 64 KiB.
                UseChunkEncoding = false,
                // As the AWS CLI sends parts: S3 checks each against its CRC32. It is computed here because the SDK
                // computes it only for aws-chunked bodies, and sends the algorithm without the value otherwise.
                ChecksumAlgorithm = ChecksumAlgorithm.CRC32,
                ChecksumCRC32 = checksum,
            };
            request.StreamTransferProgress += (_, e) => counter.Sent(number, e.TransferredBytes);
            var response = await s3.UploadPartAsync(request, cancellationToken);
            counter.Sent(number, size);
            return new PartETag(number, response.ETag) { ChecksumCRC32 = checksum };
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The CRC32 as S3 spells it: the big-endian value in base64.</summary>
    private static string Crc32Base64(ReadOnlySpan<byte> bytes)
    {
        Span<byte> value = stackalloc byte[sizeof(uint)];
        BinaryPrimitives.WriteUInt32BigEndian(value, Crc32.HashToUInt32(bytes));
        return Convert.ToBase64String(value);
    }

    private static async Task ReadExactlyAsync(SafeFileHandle file, Memory<byte> buffer, long offset, CancellationToken cancellationToken)
    {
        while (buffer.Length > 0)
        {
            var read = await RandomAccess.ReadAsync(file, buffer, offset, cancellationToken);
            if (read == 0)
            {
                throw new BibException("cannot upload: the image file became shorter while it was read");
            }

            buffer = buffer[read..];
            offset += read;
        }
    }

    /// <summary>
    /// Runs even when the caller was cancelled: aborting frees the parts S3 already holds, and the delete covers a
    /// completion that went through although its answer never arrived.
    /// </summary>
    private async Task AbortAsync(string bucket, string key, string uploadId)
    {
        using var timeout = new CancellationTokenSource(S3Objects.CleanupTimeout);
        try
        {
            await s3.AbortMultipartUploadAsync(
                new AbortMultipartUploadRequest { BucketName = bucket, Key = key, UploadId = uploadId }, timeout.Token);
        }
        catch (Exception e) when (AwsFailures.IsSdkOrNetwork(e) || e is OperationCanceledException)
        {
            Serilog.Log.Debug("abort of the multipart upload of {Bucket}:{Key} failed: {Reason}", bucket, key, SecretRedaction.Redact(e.Message));
        }

        await S3Objects.DeleteQuietlyAsync(s3, bucket, key, timeout.Token);
    }

    /// <summary>Bytes sent over all parts; a part's count only grows, so a retried part is not counted twice.</summary>
    private sealed class TransferCounter(int parts, IProgress<long>? progress)
    {
        private readonly long[] _sent = new long[parts];
        private readonly Lock _lock = new();
        private long _total;

        public void Sent(int part, long bytes)
        {
            lock (_lock)
            {
                var before = _sent[part - 1];
                if (bytes <= before)
                {
                    return;
                }

                _sent[part - 1] = bytes;
                _total += bytes - before;
                // Reported under the lock so that a reader sees the totals in order.
                progress?.Report(_total);
            }
        }
    }
}
