namespace BootcImageBuilder.Disk;

/// <summary>UUID syntax as Go's github.com/google/uuid accepts it, with its error texts.</summary>
internal static class GoUuid
{
    private const string UrnPrefix = "urn:uuid:";

    public static string? ParseError(string text)
    {
        switch (text.Length)
        {
            case 36:
                return Canonical(text);
            case 38:
                return text[0] == '{' && text[^1] == '}' ? Canonical(text[1..^1]) : "invalid UUID format";
            case 45:
                return text.StartsWith(UrnPrefix, StringComparison.OrdinalIgnoreCase)
                    ? Canonical(text[UrnPrefix.Length..])
                    : $"invalid urn prefix: {PosixPath.Quote(text[..9])}";
            case 32:
                return text.All(Uri.IsHexDigit) ? null : "invalid UUID format";
            default:
                return $"invalid UUID length: {text.Length}";
        }
    }

    private static string? Canonical(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var dash = i is 8 or 13 or 18 or 23;
            if (dash ? text[i] != '-' : !Uri.IsHexDigit(text[i]))
            {
                return "invalid UUID format";
            }
        }

        return null;
    }
}
