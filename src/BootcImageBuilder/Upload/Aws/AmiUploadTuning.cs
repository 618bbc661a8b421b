namespace BootcImageBuilder.Upload.Aws;

/// <summary>
/// How the raw image is cut and sent, and how often the import task is polled. Parts are read from the file at
/// their offsets and sent <see cref="Parallelism"/> at a time, so memory use is about <c>Parallelism × PartSize</c>.
/// </summary>
public sealed record AmiUploadTuning
{
    /// <summary>S3 allows at most 10,000 parts, each at least 5 MiB but the last.</summary>
    private const int MaxParts = 10_000;

    public static AmiUploadTuning Default { get; } = new();

    // The AWS CLI's defaults. Against moto (the bottleneck for both clients) they measured 0.98x `aws s3 cp` where
    // 16 MiB x 8 measured 1.02x (docs/performance.md), and they hold less in memory.
    public long PartSize { get; init; } = 8L * 1024 * 1024;

    public int Parallelism { get; init; } = 10;

    /// <summary>The first wait before asking about the import task; each next wait doubles, up to <see cref="MaxPollInterval"/>.</summary>
    public TimeSpan FirstPollInterval { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxPollInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Upstream waits up to 24 hours for the import.</summary>
    public TimeSpan ImportTimeout { get; init; } = TimeSpan.FromHours(24);

    /// <summary>The part size for a file of <paramref name="length"/> bytes: the tuned size, larger when 10,000 parts would not hold it.</summary>
    public long PartSizeFor(long length)
    {
        var smallestFitting = (length + MaxParts - 1) / MaxParts;
        return Math.Max(PartSize, smallestFitting);
    }
}
