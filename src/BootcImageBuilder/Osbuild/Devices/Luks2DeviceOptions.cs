namespace BootcImageBuilder.Osbuild;

/// <summary><c>org.osbuild.luks2</c>: the opened LUKS2 container on the parent device.</summary>
public sealed record Luks2DeviceOptions(string Passphrase) : DeviceOptions;
