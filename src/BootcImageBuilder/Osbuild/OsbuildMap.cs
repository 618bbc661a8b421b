using System.Collections.Immutable;

namespace BootcImageBuilder.Osbuild;

/// <summary>
/// Helpers for the maps of the model. osbuild manifests are written by Go, which emits map keys sorted
/// byte-wise; an ordinal sorted dictionary gives the same order for all keys outside the supplementary planes.
/// </summary>
public static class OsbuildMap
{
    public static ImmutableSortedDictionary<string, T> From<T>(IEnumerable<KeyValuePair<string, T>> entries) =>
        ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, entries);

    public static ImmutableSortedDictionary<string, T> From<T>(IEnumerable<T> values, Func<T, string> key) =>
        ImmutableSortedDictionary.CreateRange(
            StringComparer.Ordinal, values.Select(v => KeyValuePair.Create(key(v), v)));

    public static ImmutableSortedDictionary<string, T> Of<T>(params (string Key, T Value)[] entries) =>
        From(entries.Select(e => KeyValuePair.Create(e.Key, e.Value)));
}
