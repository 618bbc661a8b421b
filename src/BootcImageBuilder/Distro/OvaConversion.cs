namespace BootcImageBuilder.Distro;

/// <summary>
/// An OVA: pipeline <paramref name="Descriptor"/> writes the .ovf descriptor and .mf manifest beside the vmdk of
/// export <paramref name="VmdkExport"/>, and a ustar archive packs the three, descriptor first.
/// </summary>
public sealed record OvaConversion(string VmdkExport, string Descriptor) : DiskConversion;
