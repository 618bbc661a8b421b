using System.Globalization;
using BootcImageBuilder.Blueprint;

namespace BootcImageBuilder.Images.Pipelines;

/// <summary>
/// Checks custom directories and files as upstream does before building a bootc disk: well-formed absolute paths,
/// no path given twice, no file standing where another node needs a parent directory, and only paths the
/// ostree policies allow. Messages are upstream's.
/// </summary>
public static class FsNodeCustomizations
{
    public static void Validate(IReadOnlyList<DirectoryCustomization> directories, IReadOnlyList<FileCustomization> files)
    {
        ArgumentNullException.ThrowIfNull(directories);
        ArgumentNullException.ThrowIfNull(files);
        CheckNodes(directories, files);
        CheckPolicy(directories.Select(d => d.Path), PathPolicy.OstreeCustomDirectories, "directories");
        CheckPolicy(files.Select(f => f.Path), PathPolicy.OstreeCustomFiles, "files");
        CheckWellFormed(directories.Select(d => (d.Path, d.Mode)), "directory");
        CheckWellFormed(files.Select(f => (f.Path, f.Mode)), "file");
        foreach (var file in files.Where(f => !string.IsNullOrEmpty(f.Uri)))
        {
            throw new BibException($"invalid file customizations: file {PathPolicy.GoQuoted(file.Path)}: uri sources are not supported for bootc disk images");
        }
    }

    /// <summary>A customization mode string (<c>0755</c> or <c>755</c>) as chmod gets it: Go's <c>%#o</c> of the number.</summary>
    public static string ChmodMode(string mode)
    {
        ArgumentNullException.ThrowIfNull(mode);
        var value = Convert.ToUInt32(mode, 8);
        return value == 0 ? "0" : "0" + Convert.ToString(value, 8);
    }

    private static void CheckNodes(IReadOnlyList<DirectoryCustomization> directories, IReadOnlyList<FileCustomization> files)
    {
        var nodes = new Dictionary<string, bool>(StringComparer.Ordinal);
        var duplicates = new List<string>();
        var paths = new List<string>();
        foreach (var (path, isDirectory) in directories.Select(d => (d.Path, true)).Concat(files.Select(f => (f.Path, false))))
        {
            if (nodes.ContainsKey(path))
            {
                duplicates.Add(path);
            }

            nodes[path] = isDirectory;
            paths.Add(path);
        }

        if (duplicates.Count > 0)
        {
            throw new BibException($"duplicate files / directory customization paths: [{string.Join(' ', duplicates)}]");
        }

        var invalid = new List<string>();
        var checkedPaths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths.OrderByDescending(p => p.Count(c => c == '/')))
        {
            if (!checkedPaths.Add(path))
            {
                continue;
            }

            for (var parent = ParentOf(path); parent is not null and not "/"; parent = ParentOf(parent))
            {
                if (checkedPaths.Contains(parent))
                {
                    break;
                }

                if (nodes.TryGetValue(parent, out var isDirectory) && !isDirectory)
                {
                    invalid.Add(path);
                }

                checkedPaths.Add(parent);
            }
        }

        if (invalid.Count > 0)
        {
            throw new BibException($"the following filesystem nodes are parents of another node and are not directories: [{string.Join(' ', invalid)}]");
        }
    }

    private static string? ParentOf(string path)
    {
        if (!path.StartsWith('/'))
        {
            return null;
        }

        var slash = path.TrimEnd('/').LastIndexOf('/');
        return slash <= 0 ? "/" : path[..slash];
    }

    private static void CheckPolicy(IEnumerable<string> paths, PathPolicy policy, string what)
    {
        var refused = paths.Where(p => policy.Refusal(p) is not null).ToList();
        if (refused.Count > 0)
        {
            throw new BibException($"the following custom {what} are not allowed: [{string.Join(' ', refused.Select(PathPolicy.GoQuoted))}]");
        }
    }

    private static void CheckWellFormed(IEnumerable<(string Path, string? Mode)> nodes, string what)
    {
        foreach (var (path, mode) in nodes)
        {
            string? problem = path.Length == 0 ? "path must not be empty"
                : path[0] != '/' ? "path must be absolute"
                : path.Length > 1 && path[^1] == '/' ? "path must not end with a slash"
                : path != Disk.PosixPath.Clean(path) ? "path must be canonical"
                : mode is not null && !IsOctalMode(mode) ? $"invalid mode {mode}: must be an octal number"
                : null;
            if (problem is not null)
            {
                throw new BibException($"invalid {what} customizations: [{problem}]");
            }
        }
    }

    private static bool IsOctalMode(string mode) =>
        mode.Length is 3 or 4 && (mode.Length == 3 || mode[0] == '0') && mode[^3..].All(c => c is >= '0' and <= '7')
        && uint.TryParse(mode, NumberStyles.None, CultureInfo.InvariantCulture, out _);
}
