namespace BootcImageBuilder.Data.Defs;

/// <summary>The root of <c>data/defs/bootc-generic/imagetypes.yaml</c>: the base partition tables and the image types.</summary>
public sealed class ImageTypesYaml
{
    /// <summary>Named partition tables, each a map from architecture (<c>x86_64</c>, …) to its table.</summary>
    public Dictionary<string, Dictionary<string, PartitionTableYaml>> PartitionTables { get; set; } = [];

    /// <summary>The image types by name, in file order.</summary>
    public Dictionary<string, ImageTypeYaml> ImageTypes { get; set; } = [];
}
