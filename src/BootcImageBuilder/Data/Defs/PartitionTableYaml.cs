namespace BootcImageBuilder.Data.Defs;

/// <summary>A partition table as osbuild/images writes it in YAML; sizes are byte counts or <c>"1 GiB"</c>-style strings.</summary>
public sealed class PartitionTableYaml
{
    public string? Size { get; set; }

    /// <summary><c>gpt</c> or <c>dos</c>.</summary>
    public string? Type { get; set; }

    public List<PartitionYaml> Partitions { get; set; } = [];
}
