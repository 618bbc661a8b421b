using System.Text.Json.Serialization;

namespace BootcImageBuilder.Depsolve.Protocol;

/// <summary>The <c>arguments</c> of a depsolve request. <c>repos</c> is always sent, empty: repositories come from <c>root_dir</c>.</summary>
internal sealed record SolverArguments
{
    [JsonPropertyName("repos")]
    public IReadOnlyList<RepositoryConfig> Repositories { get; init; } = [];

    [JsonPropertyName("transactions")]
    public required IReadOnlyList<SolverTransaction> Transactions { get; init; }

    [JsonPropertyName("root_dir")]
    public required string RootDirectory { get; init; }

    [JsonPropertyName("optional-metadata")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? OptionalMetadata { get; init; }
}
