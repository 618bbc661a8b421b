using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace BootcImageBuilder.Osbuild;

/// <summary><c>org.osbuild.librepo</c>: RPMs downloaded by librepo from repository mirrors, keyed by checksum.</summary>
public sealed record LibrepoSource(
    ImmutableSortedDictionary<string, LibrepoSourceItem> Items,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] LibrepoSourceOptions? Options)
    : Source("org.osbuild.librepo");

/// <summary>A package path relative to the mirror with id <paramref name="Mirror"/>.</summary>
public sealed record LibrepoSourceItem(string Path, string Mirror);

/// <summary>The mirrors of a <see cref="LibrepoSource"/>, keyed by repository id.</summary>
public sealed record LibrepoSourceOptions(ImmutableSortedDictionary<string, LibrepoMirror> Mirrors);

/// <summary>A repository: <paramref name="Type"/> is <c>metalink</c>, <c>mirrorlist</c> or <c>baseurl</c>.</summary>
public sealed record LibrepoMirror(
    string Url,
    string Type,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool Insecure = false,
    UrlSecrets? Secrets = null,
    [property: JsonPropertyName("max-parallels")] int? MaxParallels = null,
    [property: JsonPropertyName("fastest-mirror"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool FastestMirror = false);
