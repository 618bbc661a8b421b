namespace BootcImageBuilder.Distro.Defs;

/// <summary>The <c>conversion</c> of a disk type in <c>imagetypes.yaml</c>: exactly one shape is set.</summary>
public sealed class DiskConversionYaml
{
    public QemuConversionYaml? Qemu { get; set; }

    public OvaConversionYaml? Ova { get; set; }

    public TarballConversionYaml? Tarball { get; set; }
}
