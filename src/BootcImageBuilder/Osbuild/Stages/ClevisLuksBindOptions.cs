namespace BootcImageBuilder.Osbuild;

/// <summary><c>org.osbuild.clevis.luks-bind</c>: bind a LUKS container to a clevis pin.</summary>
public sealed record ClevisLuksBindOptions(string Passphrase, string Pin, string Policy)
    : StageOptions("org.osbuild.clevis.luks-bind");
