using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace BootcImageBuilder.Osbuild;

/// <summary><c>org.osbuild.skopeo</c>: images pulled from a registry, keyed by image id.</summary>
public sealed record SkopeoSource(ImmutableSortedDictionary<string, SkopeoSourceItem> Items)
    : Source("org.osbuild.skopeo");

/// <summary>An item of <see cref="SkopeoSource"/>.</summary>
public sealed record SkopeoSourceItem(SkopeoImage Image);

/// <summary>Registry location of an image: repository name and manifest digest.</summary>
public sealed record SkopeoImage(
    string? Name,
    string? Digest,
    [property: JsonPropertyName("tls-verify")] bool? TlsVerify = null);
