using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace BootcImageBuilder.Osbuild;

/// <summary><c>org.osbuild.curl</c>: files downloaded by URL, keyed by checksum (<c>sha256:…</c>).</summary>
public sealed record CurlSource(ImmutableSortedDictionary<string, CurlSourceItem> Items)
    : Source("org.osbuild.curl");

/// <summary>Where to download one item, and how.</summary>
public sealed record CurlSourceItem(
    string Url,
    UrlSecrets? Secrets = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool Insecure = false);

/// <summary>Names the secrets provider for a download (<c>org.osbuild.rhsm</c>, <c>org.osbuild.mtls</c>).</summary>
public sealed record UrlSecrets(string Name);
