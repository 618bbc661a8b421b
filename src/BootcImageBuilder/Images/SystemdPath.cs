namespace BootcImageBuilder.Images;

/// <summary>
/// Path escaping in the style of <c>systemd-escape --path</c>, as upstream uses it for mount names, device names and
/// unit file names: <c>/</c> is <c>-</c>, <c>/boot/efi</c> is <c>boot-efi</c>, a literal <c>-</c> becomes <c>\x2d</c>.
/// </summary>
public static class SystemdPath
{
    public static string Escape(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "/")
        {
            return "-";
        }

        return path.Trim('/')
            .Replace("\\", "\\x5c", StringComparison.Ordinal)
            .Replace("-", "\\x2d", StringComparison.Ordinal)
            .Replace('/', '-');
    }
}
