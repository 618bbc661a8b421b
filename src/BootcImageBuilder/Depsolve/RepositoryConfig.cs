using System.Text.Json.Serialization;

namespace BootcImageBuilder.Depsolve;

/// <summary>
/// A repository packages were resolved from, as dnf configured it from the container's repo files. Key and
/// certificate paths point into the mounted container root.
/// </summary>
public sealed record RepositoryConfig
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("baseurl")]
    public IReadOnlyList<string> BaseUrls { get; init; } = [];

    [JsonPropertyName("metalink")]
    public string? Metalink { get; init; }

    [JsonPropertyName("mirrorlist")]
    public string? MirrorList { get; init; }

    /// <summary>The armored keys themselves (the solver reads the key files and URLs).</summary>
    [JsonPropertyName("gpgkey")]
    public IReadOnlyList<string> GpgKeys { get; init; } = [];

    [JsonPropertyName("gpgcheck")]
    public bool? GpgCheck { get; init; }

    [JsonPropertyName("repo_gpgcheck")]
    public bool? RepoGpgCheck { get; init; }

    [JsonPropertyName("sslverify")]
    public bool? SslVerify { get; init; }

    [JsonPropertyName("sslcacert")]
    public string? SslCaCert { get; init; }

    [JsonPropertyName("sslclientkey")]
    public string? SslClientKey { get; init; }

    [JsonPropertyName("sslclientcert")]
    public string? SslClientCert { get; init; }

    [JsonPropertyName("metadata_expire")]
    public string? MetadataExpire { get; init; }

    [JsonPropertyName("module_hotfixes")]
    public bool? ModuleHotfixes { get; init; }

    [JsonPropertyName("rhsm")]
    public bool Rhsm { get; init; }

    /// <summary>Whether fetching from it needs a TLS client key (upstream's <c>org.osbuild.mtls</c> secrets).</summary>
    [JsonIgnore]
    public bool UsesClientCertificate => !string.IsNullOrEmpty(SslClientKey);

    /// <summary>What upstream's error messages append to the repository id: <c>name: url</c>.</summary>
    [JsonIgnore]
    public string NameAndUrl
    {
        get
        {
            var url = BaseUrls.Count > 0 ? string.Join(',', BaseUrls)
                : !string.IsNullOrEmpty(Metalink) ? Metalink
                : MirrorList ?? "";
            return string.IsNullOrEmpty(Name) ? url : $"{Name}: {url}";
        }
    }
}
