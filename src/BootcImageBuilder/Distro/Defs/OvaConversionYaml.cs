namespace BootcImageBuilder.Distro.Defs;

/// <summary>An OVA made from the vmdk of another export, through an OVF descriptor pipeline.</summary>
public sealed class OvaConversionYaml
{
    /// <summary>The export whose vmdk file the archive carries.</summary>
    public string Vmdk { get; set; } = "";

    /// <summary>The name of the pipeline writing the .ovf descriptor and .mf manifest beside the vmdk.</summary>
    public string Descriptor { get; set; } = "";
}
