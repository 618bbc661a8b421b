namespace BootcImageBuilder.Distro;

/// <summary>qemu-img converts the raw disk to <paramref name="Format"/> (<c>qcow2</c>, <c>vmdk</c>, <c>vpc</c>, <c>vdi</c>, <c>vhdx</c>).</summary>
public sealed record QemuConversion(string Format) : DiskConversion
{
    /// <summary>qcow2's compatibility level; upstream always writes it, empty when unset.</summary>
    public string? Compat { get; init; }

    /// <summary>vmdk's subformat, e.g. <c>streamOptimized</c>.</summary>
    public string? Subformat { get; init; }

    /// <summary>vpc's <c>force_size</c>.</summary>
    public bool? ForceSize { get; init; }
}
