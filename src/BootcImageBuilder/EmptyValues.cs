using System.Collections.Immutable;

namespace BootcImageBuilder;

/// <summary>
/// Empty as unset: upstream's Go treats <c>""</c> and empty lists or maps as absent, and the model leaves out what is
/// null when written as JSON. Callers import it with <c>using static</c>.
/// </summary>
public static class EmptyValues
{
    public static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    public static IReadOnlyList<T>? NullIfEmpty<T>(IReadOnlyList<T>? list) => list is null || list.Count == 0 ? null : list;

    public static ImmutableSortedDictionary<string, T>? NullIfEmpty<T>(ImmutableSortedDictionary<string, T>? map) =>
        map is null || map.IsEmpty ? null : map;
}
