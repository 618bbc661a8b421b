using System.Text.Json.Serialization;

namespace BootcImageBuilder.Blueprint;

/// <summary><c>[customizations.disk]</c>: a full custom partition layout.</summary>
public sealed record DiskCustomization
{
    /// <summary>Null lets the image type choose.</summary>
    [JsonPropertyName("type")]
    public PartitionTableType? Type { get; init; }

    /// <summary>In bytes; null when not given.</summary>
    [JsonPropertyName("minsize")]
    public ulong? MinSize { get; init; }

    [JsonPropertyName("partitions")]
    public IReadOnlyList<PartitionCustomization> Partitions { get; init => field = value ?? []; } = [];

    /// <summary>Where the first partition starts, in bytes; null when not given.</summary>
    [JsonPropertyName("start_offset")]
    public ulong? StartOffset { get; init; }
}
