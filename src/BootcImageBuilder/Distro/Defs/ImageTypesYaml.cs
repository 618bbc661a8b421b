namespace BootcImageBuilder.Distro.Defs;

/// <summary>The root of <c>data/defs/bootc-generic/imagetypes.yaml</c>: the base partition tables and the image types.</summary>
public sealed class ImageTypesYaml
{
    /// <summary>Named partition tables per architecture: read by <see cref="Disk.BasePartitionTables"/>, stepped over here.</summary>
    public SkippedYamlSection? PartitionTables { get; set; }

    /// <summary>The image types by name, in file order.</summary>
    public Dictionary<string, ImageTypeYaml> ImageTypes { get; set; } = [];
}
