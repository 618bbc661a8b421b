using System.Text.Json.Serialization;

namespace BootcImageBuilder.Depsolve.Protocol;

/// <summary>One transaction of a depsolve request. No <c>repo-ids</c>: every repository of the root is used.</summary>
internal sealed record SolverTransaction
{
    [JsonPropertyName("package-specs")]
    public required IReadOnlyList<string> PackageSpecs { get; init; }

    [JsonPropertyName("exclude-specs")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? ExcludeSpecs { get; init; }

    [JsonPropertyName("install_weak_deps")]
    public bool InstallWeakDeps { get; init; }
}
