using System.Text.Json.Serialization;

namespace BootcImageBuilder.Depsolve.Protocol;

/// <summary>What the solver prints on stdout when it exits non-zero.</summary>
internal sealed record SolverError
{
    [JsonPropertyName("kind")]
    public string Kind { get; init; } = "";

    [JsonPropertyName("reason")]
    public string Reason { get; init; } = "";
}
