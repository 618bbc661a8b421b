using System.Text.Json.Serialization;

namespace BootcImageBuilder.Depsolve;

/// <summary>A resolved package: what a manifest needs to fetch it (<c>org.osbuild.curl</c> or <c>org.osbuild.librepo</c>) and install it.</summary>
public sealed record RpmPackage
{
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    [JsonPropertyName("epoch")]
    public int Epoch { get; init; }

    [JsonPropertyName("version")]
    public required string Version { get; init; }

    [JsonPropertyName("release")]
    public required string Release { get; init; }

    [JsonPropertyName("arch")]
    public required string Arch { get; init; }

    /// <summary>The id of the repository it comes from, a key of <see cref="DepsolveResult.Repositories"/>.</summary>
    [JsonPropertyName("repo_id")]
    public required string RepoId { get; init; }

    /// <summary>The path relative to the repository's base URL (what librepo fetches from a mirror).</summary>
    [JsonPropertyName("location")]
    public required string Location { get; init; }

    /// <summary>Full URLs of the package (what curl fetches).</summary>
    [JsonPropertyName("remote_locations")]
    public IReadOnlyList<string> RemoteLocations { get; init; } = [];

    [JsonPropertyName("checksum")]
    public PackageChecksum? Checksum { get; init; }

    /// <summary><c>name-[epoch:]version-release.arch</c>, the epoch only when it is not 0.</summary>
    [JsonIgnore]
    public string Nevra => Epoch == 0
        ? $"{Name}-{Version}-{Release}.{Arch}"
        : $"{Name}-{Epoch}:{Version}-{Release}.{Arch}";
}
