using System.Collections.Immutable;

namespace BootcImageBuilder.Osbuild;

/// <summary>
/// An osbuild manifest in format version 2: pipelines in dependency order and the sources they fetch from.
/// Serialize it with <see cref="ManifestJson"/>.
/// </summary>
public sealed record Manifest(
    string Version,
    IReadOnlyList<Pipeline> Pipelines,
    ImmutableSortedDictionary<string, Source> Sources)
{
    public const string FormatVersion = "2";

    /// <summary>A version 2 manifest; the sources are keyed by their osbuild source type.</summary>
    public Manifest(IEnumerable<Pipeline> pipelines, IEnumerable<Source> sources)
        : this(FormatVersion, [.. pipelines], OsbuildMap.From(sources, s => s.SourceType))
    {
    }
}
