namespace BootcImageBuilder.Data.Defs;

/// <summary>The root of <c>data/defs/bootc-generic/imagetypes.yaml</c>.</summary>
public sealed class ImageTypesYaml
{
    /// <summary>Named partition tables, each a map from architecture (<c>x86_64</c>, …) to its table.</summary>
    public Dictionary<string, Dictionary<string, PartitionTableYaml>> PartitionTables { get; set; } = [];
}
