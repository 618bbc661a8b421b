using System.Text.Json.Serialization;

namespace BootcImageBuilder.Depsolve;

/// <summary>An RPM's checksum as the repository metadata states it.</summary>
public sealed record PackageChecksum(
    [property: JsonPropertyName("algorithm")] string Algorithm,
    [property: JsonPropertyName("value")] string Value)
{
    /// <summary><c>algorithm:value</c>, the form osbuild's sources are keyed by.</summary>
    public override string ToString() => $"{Algorithm}:{Value}";
}
