using System.Text.Json.Serialization;

namespace BootcImageBuilder.Osbuild;

/// <summary><c>org.osbuild.luks2.format</c>: create a LUKS2 container on device <c>device</c>.</summary>
public sealed record Luks2FormatOptions(
    string Passphrase,
    string Uuid,
    string? Cipher,
    string? Label,
    string? Subsystem,
    [property: JsonPropertyName("sector-size")] long SectorSize,
    Luks2Pbkdf Pbkdf)
    : StageOptions("org.osbuild.luks2.format");

/// <summary>Key derivation settings of <see cref="Luks2FormatOptions"/> (argon2i or argon2id).</summary>
public sealed record Luks2Pbkdf(
    string Method,
    long Iterations,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] long Memory = 0,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] int Parallelism = 0);
