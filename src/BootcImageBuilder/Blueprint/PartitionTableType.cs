using System.Text.Json.Serialization;

namespace BootcImageBuilder.Blueprint;

/// <summary>The partition table kind of <c>customizations.disk.type</c>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PartitionTableType>))]
public enum PartitionTableType
{
    [JsonStringEnumMemberName("gpt")]
    Gpt,

    /// <summary>MBR; at most four partitions.</summary>
    [JsonStringEnumMemberName("dos")]
    Dos,
}
