namespace BootcImageBuilder.Distro.Defs;

/// <summary>A qemu-img conversion of the raw disk: the target format and the options that format takes.</summary>
public sealed class QemuConversionYaml
{
    /// <summary><c>qcow2</c>, <c>vmdk</c>, <c>vpc</c>, <c>vdi</c> or <c>vhdx</c>.</summary>
    public string Format { get; set; } = "";

    /// <summary>qcow2 only.</summary>
    public string? Compat { get; set; }

    /// <summary>vmdk only, e.g. <c>streamOptimized</c>.</summary>
    public string? Subformat { get; set; }

    /// <summary>vpc only.</summary>
    public bool? ForceSize { get; set; }
}
