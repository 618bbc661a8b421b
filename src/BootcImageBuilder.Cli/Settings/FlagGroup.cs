namespace BootcImageBuilder.Cli.Settings;

/// <summary>cobra's rules for flags that belong together (<c>MarkFlagsRequiredTogether</c>, <c>MarkFlagRequired</c>).</summary>
internal static class FlagGroup
{
    /// <summary>False when none is given, true when all are; otherwise cobra's error naming the missing ones.</summary>
    public static bool AllOrNone(params (string Name, string? Value)[] flags)
    {
        if (flags.All(f => string.IsNullOrEmpty(f.Value)))
        {
            return false;
        }

        var missing = flags.Where(f => string.IsNullOrEmpty(f.Value)).Select(f => f.Name).Order(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            throw new BibException(
                $"if any flags in the group [{string.Join(' ', flags.Select(f => f.Name))}] are set they must all be set; missing [{string.Join(' ', missing)}]");
        }

        return true;
    }

    /// <summary>cobra's <c>MarkFlagRequired</c>: every flag must be given; the error names the missing ones in the given order.</summary>
    public static void RequireAll(params (string Name, string? Value)[] flags)
    {
        var missing = flags.Where(f => string.IsNullOrEmpty(f.Value)).Select(f => $"\"{f.Name}\"").ToList();
        if (missing.Count > 0)
        {
            throw new BibException($"required flag(s) {string.Join(", ", missing)} not set");
        }
    }
}
