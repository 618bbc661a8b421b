using BootcImageBuilder.Containers;
using BootcImageBuilder.Distro.Defs;
using Serilog;
using YamlDotNet.Core;

namespace BootcImageBuilder.Distro;

/// <summary>
/// Finds and reads a distro's def file (<c>&lt;ID&gt;-&lt;VERSION_ID&gt;.yaml</c>, upstream's
/// <c>bib/internal/distrodef</c>). For each candidate ID (os-release <c>ID</c>, then every <c>ID_LIKE</c> entry in
/// order): the exact file in the first search directory that has it; else, over all directories, the file with the
/// highest version not above the wanted one (go-version order; on a tie the first seen wins). Upstream's messages
/// are kept. Two upstream bugs are fixed: the version is read after <c>&lt;ID&gt;-</c>, so IDs containing <c>-</c>
/// (<c>aurora-helium</c>) match fuzzily too, and a dangling symbolic link is skipped with a warning instead of
/// failing the lookup. Only plain names (no <c>/</c>, not <c>..</c>) are looked up, so an image's ID never reaches a
/// file outside the search directories.
/// </summary>
public sealed class DistroDefinitionLookup
{
    private const string Extension = ".yaml";

    private readonly ILogger? _logger;

    /// <param name="searchDirectories">Searched in order; missing ones are ignored.</param>
    /// <param name="logger">Where skipped files are reported; the global Serilog logger when null.</param>
    public DistroDefinitionLookup(IReadOnlyList<string> searchDirectories, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(searchDirectories);
        SearchDirectories = searchDirectories;
        _logger = logger;
    }

    /// <summary>
    /// Upstream's development paths <c>./data/defs</c> and <c>./bib/data/defs</c> (relative to the working
    /// directory), then <c>defs</c> under each data root: next to the executable, then <c>/usr/share/bootc-image-builder</c>.
    /// </summary>
    public static IReadOnlyList<string> DefaultSearchDirectories { get; } =
        ["./data/defs", "./bib/data/defs", .. DataDirectories.Roots.Select(root => Path.Combine(root, "defs"))];

    /// <summary>A lookup over <see cref="DefaultSearchDirectories"/>.</summary>
    public static DistroDefinitionLookup Default { get; } = new(DefaultSearchDirectories);

    public IReadOnlyList<string> SearchDirectories { get; }

    private ILogger Logger => _logger ?? Log.Logger;

    /// <summary>The definition of <paramref name="imageType"/> for the distro <paramref name="osRelease"/> names.</summary>
    /// <exception cref="BibException">No def file, an unreadable one, or no such image type in it.</exception>
    public ImageDefinition FindImageDefinition(OsRelease osRelease, string imageType)
    {
        ArgumentNullException.ThrowIfNull(osRelease);
        return Load(osRelease.Id, osRelease.VersionId, osRelease.IdLike).ImageType(imageType);
    }

    /// <summary>Finds and reads the def file for <paramref name="id"/> <paramref name="versionId"/>.</summary>
    /// <exception cref="BibException">The version does not parse, no file matches, or the file cannot be read or parsed.</exception>
    public DistroDefinition Load(string id, string versionId, IReadOnlyList<string>? idLike = null)
    {
        var path = FindFile(id, versionId, idLike);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BibException($"could not read def file {path} for distro {id}-{versionId}: {ReadFailure(path, e)}", e);
        }

        Dictionary<string, ImageDefYaml?> types;
        try
        {
            types = DefsYaml.ReadDistroFile(text);
        }
        catch (YamlException e)
        {
            throw new BibException($"could not unmarshal def file for distro {id}: {e.Message}", e);
        }

        return new DistroDefinition(
            id,
            path,
            types.Select(t => new ImageDefinition(t.Key, t.Value?.Packages ?? [])).ToList());
    }

    /// <summary>The path of the def file the lookup chooses, without reading it.</summary>
    /// <exception cref="BibException">The version does not parse, or no file matches.</exception>
    public string FindFile(string id, string versionId, IReadOnlyList<string>? idLike = null)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(versionId);
        GoVersion wanted;
        try
        {
            wanted = GoVersion.Parse(versionId);
        }
        catch (BibException e)
        {
            throw BibException.Wrap("cannot parse wanted version string", e);
        }

        var warned = new HashSet<string>(StringComparer.Ordinal);
        IEnumerable<string> candidates = [id, .. idLike ?? []];
        foreach (var candidate in candidates.Where(IsPlainName).Distinct(StringComparer.Ordinal))
        {
            if ((ExactMatch(candidate, versionId, warned) ?? BestFuzzyMatch(candidate, wanted, warned)) is { } found)
            {
                return found;
            }
        }

        throw new BibException($"could not find def file for distro {id}-{versionId}");
    }

    // An os-release ID names a file in the search directories only: an absolute one would replace the directory in
    // Path.Combine, and "/" or ".." would leave it.
    private static bool IsPlainName(string id) => id.Length > 0 && id is not ("." or "..") && !id.Contains('/', StringComparison.Ordinal) && !id.Contains('\0', StringComparison.Ordinal);

    private string? ExactMatch(string id, string versionId, HashSet<string> warned) =>
        SearchDirectories
            .Select(dir => Path.Combine(dir, $"{id}-{versionId}{Extension}"))
            .FirstOrDefault(path => Usable(path, warned));

    private string? BestFuzzyMatch(string id, GoVersion wanted, HashSet<string> warned)
    {
        string? best = null;
        var bestVersion = GoVersion.Empty;
        foreach (var (path, versionText) in SearchDirectories.SelectMany(dir => VersionedFiles(dir, id)))
        {
            GoVersion version;
            try
            {
                version = GoVersion.Parse(versionText);
            }
            catch (BibException e)
            {
                throw BibException.Wrap($"cannot parse distro version from {Blueprint.GoQuote.Quote(path)}", e);
            }

            if (wanted.CompareTo(version) >= 0 && version.CompareTo(bestVersion) > 0 && Usable(path, warned))
            {
                best = path;
                bestVersion = version;
            }
        }

        return best;
    }

    // The entries upstream's glob <id>-[0-9]*.yaml finds in one directory, in its (byte-wise) order, with the text
    // after "<id>-" that holds the version.
    private static List<(string Path, string Version)> VersionedFiles(string directory, string id)
    {
        if (!Directory.Exists(directory))
        {
            return [];
        }

        var prefix = id + "-";
        return Directory.EnumerateFileSystemEntries(directory)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => name.Length > prefix.Length + Extension.Length
                && name.StartsWith(prefix, StringComparison.Ordinal)
                && name.EndsWith(Extension, StringComparison.Ordinal)
                && char.IsAsciiDigit(name[prefix.Length]))
            .Order(StringComparer.Ordinal)
            .Select(name => (Path.Combine(directory, name), name[prefix.Length..^Extension.Length]))
            .ToList();
    }

    private bool Usable(string path, HashSet<string> warned)
    {
        switch (DefFileProbe.StateOf(path))
        {
            case DefFileState.Present:
                return true;
            case DefFileState.BrokenLink:
                if (warned.Add(path))
                {
                    Logger.Warning(
                        "skipping def file {Path}: it is a symbolic link to {Target}, which does not exist",
                        path,
                        new FileInfo(path).LinkTarget);
                }

                return false;
            default:
                return false;
        }
    }

    // Go's os.ReadFile error texts for what a def path can be besides a readable file.
    private static string ReadFailure(string path, Exception e) => e switch
    {
        _ when Directory.Exists(path) => $"read {path}: is a directory",
        UnauthorizedAccessException => $"open {path}: permission denied",
        _ => e.Message,
    };
}
