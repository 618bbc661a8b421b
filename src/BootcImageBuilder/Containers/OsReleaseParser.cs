namespace BootcImageBuilder.Containers;

/// <summary>Parses os-release(5) text the way upstream does: <c>KEY=value</c> lines, surrounding double quotes dropped.</summary>
public static class OsReleaseParser
{
    /// <summary>The key/value pairs of <paramref name="text"/>; later keys win.</summary>
    /// <exception cref="BibException">A non-empty, non-comment line has no <c>=</c>.</exception>
    public static IReadOnlyDictionary<string, string> ParseFields(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim();
            // Upstream does not skip comments (a comment without "=" fails there); os-release(5) allows them.
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                throw new BibException("readOSRelease: invalid input");
            }

            fields[line[..equals].Trim()] = line[(equals + 1)..].Trim().Trim('"');
        }

        return fields;
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

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
