using System.Text.Json.Serialization;

namespace BootcImageBuilder.Blueprint;

/// <summary>What a custom partition holds (<c>type</c> of a <c>customizations.disk.partitions</c> entry).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PartitionKind>))]
public enum PartitionKind
{
    /// <summary>A filesystem (or swap) directly on the partition; the default.</summary>
    [JsonStringEnumMemberName("plain")]
    Plain,

    /// <summary>An LVM volume group with logical volumes.</summary>
    [JsonStringEnumMemberName("lvm")]
    Lvm,

    /// <summary>A btrfs volume with subvolumes.</summary>
    [JsonStringEnumMemberName("btrfs")]
    Btrfs,
}
