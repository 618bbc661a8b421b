namespace BootcImageBuilder.Osbuild;

/// <summary>Where an ISO boot menu finds the kernel and initrd, and the options it boots them with.</summary>
public sealed record IsoKernel(string Dir, IReadOnlyList<string>? Opts = null);
