using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace BootcImageBuilder.Osbuild;

/// <summary><c>org.osbuild.skopeo-index</c>: manifest lists, keyed by list digest.</summary>
public sealed record SkopeoIndexSource(ImmutableSortedDictionary<string, SkopeoIndexSourceItem> Items)
    : Source("org.osbuild.skopeo-index");

/// <summary>An item of <see cref="SkopeoIndexSource"/>.</summary>
public sealed record SkopeoIndexSourceItem(SkopeoIndexImage Image);

/// <summary>Registry repository of a manifest list.</summary>
public sealed record SkopeoIndexImage(
    string Name,
    [property: JsonPropertyName("tls-verify")] bool? TlsVerify = null);
