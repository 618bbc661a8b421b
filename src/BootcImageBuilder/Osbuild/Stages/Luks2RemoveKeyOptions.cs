namespace BootcImageBuilder.Osbuild;

/// <summary><c>org.osbuild.luks2.remove-key</c>: remove the passphrase key slot after clevis binding.</summary>
public sealed record Luks2RemoveKeyOptions(string Passphrase)
    : StageOptions("org.osbuild.luks2.remove-key");
