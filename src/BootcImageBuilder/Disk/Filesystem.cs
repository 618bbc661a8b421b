namespace BootcImageBuilder.Disk;

/// <summary>A filesystem on a partition or logical volume. A FAT filesystem's <see cref="Uuid"/> is its volume id (<c>7B77-95E7</c>).</summary>
public sealed record Filesystem(FilesystemType Type, string? Mountpoint) : PartitionPayload
{
    public string? Uuid { get; init; }

    public string? Label { get; init; }

    public string FstabOptions { get; init; } = "defaults";

    public ulong FstabFreq { get; init; }

    public ulong FstabPassNo { get; init; }

    public MkfsOptions Mkfs { get; init; } = MkfsOptions.Default;

    /// <summary>True when the fstab options mount it read-only (<c>ro</c> present and <c>rw</c> absent).</summary>
    public bool IsReadOnly => FstabOptionsAreReadOnly(FstabOptions);

    internal static bool FstabOptionsAreReadOnly(string options)
    {
        var parts = options.Split(',');
        return parts.Contains("ro") && !parts.Contains("rw");
    }
}
