namespace BootcImageBuilder.Distro.Defs;

/// <summary>One entry of <c>image_types</c> in <c>bootc-generic/imagetypes.yaml</c>.</summary>
public sealed class ImageTypeYaml
{
    /// <summary><c>disk</c>, <c>legacy-installer-iso</c>, <c>bootc-installer-iso</c> or <c>pxe</c>.</summary>
    public string Kind { get; set; } = "";

    public List<string> Aliases { get; set; } = [];

    public string Export { get; set; } = "";

    public string Filename { get; set; } = "";

    /// <summary>Disk types only: how the file is made from the raw disk; null for the raw disk itself.</summary>
    public DiskConversionYaml? Conversion { get; set; }

    public List<string> SupportedBlueprintOptions { get; set; } = [];

    /// <summary>The upload target this type's artifact feeds (<c>aws</c>, <c>gce</c>); empty for none.</summary>
    public string Upload { get; set; } = "";
}
