namespace BootcImageBuilder.Images.Pipelines;

/// <summary>
/// Which paths a customization may touch: the policy of the longest matching prefix decides (a denied prefix
/// refuses the path and everything below it, an exact one only the path itself), as upstream's path policies do.
/// </summary>
public sealed class PathPolicy
{
    private readonly Dictionary<string, (bool Deny, bool Exact)> _rules;

    private PathPolicy(Dictionary<string, (bool Deny, bool Exact)> rules) => _rules = rules;

    /// <summary>Custom directories on an ostree/bootc system: only under /etc.</summary>
    public static PathPolicy OstreeCustomDirectories { get; } = new(new(StringComparer.Ordinal)
    {
        ["/"] = (true, false),
        ["/etc"] = (false, false),
    });

    /// <summary>Custom files on an ostree/bootc system: /etc (but not the account databases or fstab), /root, /usr/local/{bin,sbin}.</summary>
    public static PathPolicy OstreeCustomFiles { get; } = new(new(StringComparer.Ordinal)
    {
        ["/"] = (true, false),
        ["/etc"] = (false, false),
        ["/root"] = (false, false),
        ["/usr/local/bin"] = (false, false),
        ["/usr/local/sbin"] = (false, false),
        ["/etc/fstab"] = (true, false),
        ["/etc/shadow"] = (true, false),
        ["/etc/passwd"] = (true, false),
        ["/etc/group"] = (true, false),
    });

    /// <summary>Null when <paramref name="path"/> is allowed, else upstream's reason.</summary>
    public string? Refusal(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var quoted = GoQuoted(path);
        if (path.Length == 0 || path[0] != '/')
        {
            return $"path {quoted} must be absolute";
        }

        if (path != Disk.PosixPath.Clean(path))
        {
            return $"path {quoted} must be canonical";
        }

        var match = "/";
        foreach (var prefix in _rules.Keys)
        {
            if ((path == prefix || prefix == "/" || path.StartsWith(prefix + "/", StringComparison.Ordinal)) && prefix.Length > match.Length)
            {
                match = prefix;
            }
        }

        var (deny, exact) = _rules.TryGetValue(match, out var rule) ? rule : (false, false);
        return deny || (exact && path != match) ? $"path {quoted} is not allowed" : null;
    }

    internal static string GoQuoted(string text) => Disk.PosixPath.Quote(text);
}
