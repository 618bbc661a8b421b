using System.Text.Json.Serialization;

namespace BootcImageBuilder.Depsolve.Protocol;

/// <summary>A successful depsolve reply; fields the tool does not use (modules, package metadata, SBOM) are not read.</summary>
internal sealed record SolverResponse
{
    [JsonPropertyName("solver")]
    public string Solver { get; init; } = "";

    [JsonPropertyName("transactions")]
    public IReadOnlyList<IReadOnlyList<RpmPackage>>? Transactions { get; init; }

    [JsonPropertyName("repos")]
    public IReadOnlyDictionary<string, RepositoryConfig>? Repositories { get; init; }
}
