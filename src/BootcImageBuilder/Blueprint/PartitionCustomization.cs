using System.Text.Json.Serialization;

namespace BootcImageBuilder.Blueprint;

/// <summary>
/// One entry of <c>customizations.disk.partitions</c>. Which fields may be set depends on <see cref="Type"/>
/// (enforced when parsing): plain → mountpoint, label, fs_type; lvm → name, logical_volumes; btrfs → subvolumes.
/// </summary>
public sealed record PartitionCustomization
{
    [JsonPropertyName("type")]
    public PartitionKind Type { get; init; } = PartitionKind.Plain;

    /// <summary>In bytes; always greater than zero.</summary>
    [JsonPropertyName("minsize")]
    public required ulong MinSize { get; init; }

    /// <summary>GPT type GUID, or two hex digits for dos.</summary>
    [JsonPropertyName("part_type")]
    public string? PartType { get; init; }

    [JsonPropertyName("part_label")]
    public string? PartLabel { get; init; }

    [JsonPropertyName("part_uuid")]
    public string? PartUuid { get; init; }

    [JsonPropertyName("mountpoint")]
    public string? Mountpoint { get; init; }

    [JsonPropertyName("label")]
    public string? Label { get; init; }

    /// <summary>ext4, xfs, vfat, btrfs, swap or none (plain partitions).</summary>
    [JsonPropertyName("fs_type")]
    public string? FsType { get; init; }

    /// <summary>The volume group name (lvm).</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>Set only for <see cref="PartitionKind.Lvm"/> partitions.</summary>
    [JsonPropertyName("logical_volumes")]
    public IReadOnlyList<LogicalVolumeCustomization>? LogicalVolumes { get; init; }

    /// <summary>Set only for <see cref="PartitionKind.Btrfs"/> partitions.</summary>
    [JsonPropertyName("subvolumes")]
    public IReadOnlyList<BtrfsSubvolumeCustomization>? Subvolumes { get; init; }
}
