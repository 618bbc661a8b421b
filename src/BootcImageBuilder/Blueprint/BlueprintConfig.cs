using System.Text.Json.Serialization;

namespace BootcImageBuilder.Blueprint;

/// <summary>
/// A blueprint as osbuild/blueprint v1.26 accepts it: the user's <c>config.toml</c>/<c>config.json</c>.
/// Lists are never null (absent means empty); optional scalars are null when absent.
/// </summary>
public sealed record BlueprintConfig
{
    /// <summary>A blueprint with nothing in it, what bib uses when there is no config file.</summary>
    public static BlueprintConfig Empty { get; } = new();

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("description")]
    public string? Description { get; init; }

    [JsonPropertyName("version")]
    public string? Version { get; init; }

    [JsonPropertyName("packages")]
    public IReadOnlyList<PackageSpec> Packages { get; init => field = value ?? []; } = [];

    [JsonPropertyName("modules")]
    public IReadOnlyList<PackageSpec> Modules { get; init => field = value ?? []; } = [];

    [JsonPropertyName("enabled_modules")]
    public IReadOnlyList<EnabledModule> EnabledModules { get; init => field = value ?? []; } = [];

    [JsonPropertyName("groups")]
    public IReadOnlyList<PackageGroup> Groups { get; init => field = value ?? []; } = [];

    [JsonPropertyName("containers")]
    public IReadOnlyList<ContainerSpec> Containers { get; init => field = value ?? []; } = [];

    [JsonPropertyName("customizations")]
    public Customizations? Customizations { get; init; }

    [JsonPropertyName("distro")]
    public string? Distro { get; init; }

    [JsonPropertyName("architecture")]
    public string? Architecture { get; init; }
}
