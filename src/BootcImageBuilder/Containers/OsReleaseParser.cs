using static BootcImageBuilder.EmptyValues;

namespace BootcImageBuilder.Containers;

/// <summary>Parses os-release(5) text the way upstream does: <c>KEY=value</c> lines, surrounding double quotes dropped.</summary>
public static class OsReleaseParser
{
    /// <summary>The key/value pairs of <paramref name="text"/>; later keys win.</summary>
    /// <exception cref="BibException">A non-empty, non-comment line has no <c>=</c>.</exception>
    public static IReadOnlyDictionary<string, string> ParseFields(string text)
    {
        var fields = KeyValueLines.TryParse(text) ?? throw new BibException("readOSRelease: invalid input");
        return fields.ToDictionary(field => field.Key, field => field.Value.Trim('"'), StringComparer.Ordinal);
    }

    /// <summary>The fields bib uses; <c>ID</c>, <c>VERSION_ID</c> and <c>NAME</c> must be present (they may be empty).</summary>
    /// <exception cref="BibException"><c>missing X in os-release</c>.</exception>
    public static OsRelease ToOsRelease(IReadOnlyDictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        foreach (var required in (string[])["ID", "VERSION_ID", "NAME"])
        {
            if (!fields.ContainsKey(required))
            {
                throw new BibException($"missing {required} in os-release");
            }
        }

        var idLike = fields.GetValueOrDefault("ID_LIKE", "");
        return new OsRelease(
            Id: fields["ID"],
            VersionId: fields["VERSION_ID"],
            Name: fields["NAME"],
            PlatformId: NullIfEmpty(fields.GetValueOrDefault("PLATFORM_ID")),
            VariantId: NullIfEmpty(fields.GetValueOrDefault("VARIANT_ID")),
            // Split on every single space, as upstream does.
            IdLike: idLike.Length == 0 ? null : idLike.Split(' '));
    }
}
