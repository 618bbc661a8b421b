namespace BootcImageBuilder.Disk;

/// <summary>A swap area on a partition or logical volume.</summary>
public sealed record SwapArea : PartitionPayload
{
    public string? Uuid { get; init; }

    public string? Label { get; init; }

    public string FstabOptions { get; init; } = "defaults";
}
