using System.Text;
using BootcImageBuilder.FileSystem;

namespace BootcImageBuilder.Depsolve;

/// <summary>
/// The image's dnf repository configuration copied into a private temporary directory (<c>bib-repos-*</c>) that is
/// handed to the solver as its <c>root_dir</c> instead of the mounted image: the repository files and dnf var files,
/// read with <see cref="ImageTree"/>'s rules, and every file a repository names (<c>gpgkey=file://</c>,
/// <c>sslcacert</c>, <c>sslclientkey</c>, <c>sslclientcert</c>), resolved inside the image and copied only when it is
/// a small regular file. Remote gpg keys (<c>http(s)://</c>) are fetched here with a time and size limit
/// (<see cref="RemoteGpgKeys"/>). The repository files are rewritten to name the copies, so a solver that joins the
/// paths to its root as strings and follows links on the host (osbuild's does) can only reach this directory, and no
/// solver goes to the network for a key. Disposing removes it.
/// </summary>
public sealed class ResolvedRepositoryRoot : IDisposable
{
    /// <summary>The most a repository file, var file, key or certificate may hold.</summary>
    public const long MaxFileBytes = 1024 * 1024;

    private const string ReposDirectory = "etc/yum.repos.d";
    private const string FilesDirectory = "files";
    private static readonly string[] VarDirectories = ["etc/dnf/vars", "etc/yum/vars"];
    private static readonly HashSet<string> PathKeys = new(["sslcacert", "sslclientkey", "sslclientcert"], StringComparer.Ordinal);
    private const string GpgKey = "gpgkey";
    private const string FileScheme = "file://";

    private readonly ImageTree _image;
    private readonly Dictionary<string, string> _imagePaths = new(StringComparer.Ordinal);
    private DnfVariables _variables = new(new Dictionary<string, string>());
    private int _copies;

    private ResolvedRepositoryRoot(string path, ImageTree image)
    {
        Path = path;
        _image = image;
    }

    /// <summary>The directory to give the solver as its root.</summary>
    public string Path { get; }

    /// <summary>Copies the repository configuration of the image at <paramref name="imageRoot"/>.</summary>
    /// <param name="imageRoot">The mounted image.</param>
    /// <param name="requestVariables">dnf's variables from the request (<see cref="DnfVariables.FromRequest"/>); the image's var files add to them.</param>
    /// <param name="cancellationToken">Stops fetching remote gpg keys.</param>
    /// <exception cref="BibException">A repository file is not a small regular file, or the copy cannot be written.</exception>
    /// <exception cref="DepsolveException">A remote gpg key did not arrive within its limits.</exception>
    public static async Task<ResolvedRepositoryRoot> CreateAsync(
        string imageRoot, IReadOnlyDictionary<string, string> requestVariables, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(imageRoot);
        ArgumentNullException.ThrowIfNull(requestVariables);
        var root = new ResolvedRepositoryRoot(TemporaryDirectory.Create("bib-repos-", "the repository configuration"), new ImageTree(imageRoot));
        try
        {
            await root.CopyAsync(requestVariables, cancellationToken);
            return root;
        }
        catch
        {
            root.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The path inside the image that a path the solver reports (a copy in this directory) stands for; other paths
    /// are returned as they are.
    /// </summary>
    public string? ImagePathOf(string? solverPath) =>
        solverPath is not null && _imagePaths.TryGetValue(solverPath, out var imagePath) ? imagePath : solverPath;

    /// <summary><paramref name="repository"/> with its key and certificate paths as paths inside the image.</summary>
    public RepositoryConfig InImage(RepositoryConfig repository)
    {
        ArgumentNullException.ThrowIfNull(repository);
        return repository with
        {
            SslCaCert = ImagePathOf(repository.SslCaCert),
            SslClientKey = ImagePathOf(repository.SslClientKey),
            SslClientCert = ImagePathOf(repository.SslClientCert),
        };
    }

    /// <summary><paramref name="text"/> (a solver's message) with the copies' paths replaced by the image paths they stand for.</summary>
    public string InImageText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var (copy, imagePath) in _imagePaths)
        {
            text = text.Replace(copy, imagePath, StringComparison.Ordinal);
        }

        return text.Replace(Path, "", StringComparison.Ordinal);
    }

    public void Dispose() => TemporaryDirectory.Remove(Path);

    private async Task CopyAsync(IReadOnlyDictionary<string, string> requestVariables, CancellationToken cancellationToken)
    {
        var variables = new Dictionary<string, string>(requestVariables, StringComparer.Ordinal);
        foreach (var directory in VarDirectories)
        {
            foreach (var name in _image.EntryNames(directory))
            {
                if (ReadImageFile($"{directory}/{name}", "dnf variable file") is { } value)
                {
                    WriteCopy($"{directory}/{name}", value);
                    variables[name] = value.Split('\n')[0].Trim();
                }
            }
        }

        _variables = new DnfVariables(variables);
        Directory.CreateDirectory(System.IO.Path.Join(Path, ReposDirectory));
        using var remoteKeys = new RemoteGpgKeys();
        foreach (var name in _image.EntryNames(ReposDirectory).Where(n => n.EndsWith(".repo", StringComparison.Ordinal)))
        {
            if (ReadImageFile($"{ReposDirectory}/{name}", "repository file") is { } text)
            {
                WriteCopy($"{ReposDirectory}/{name}", await RewriteAsync(text, remoteKeys, cancellationToken));
            }
        }
    }

    private string? ReadImageFile(string imagePath, string what)
    {
        try
        {
            return _image.ReadText(imagePath, MaxFileBytes);
        }
        catch (BoundedFileException e)
        {
            throw new BibException($"cannot read {what} /{imagePath} of the image: {e.Message}", e);
        }
    }

    // The repository file with every path-valued option naming a copy. Continuation lines of a rewritten option are
    // folded into it; everything else is kept as written.
    private async Task<string> RewriteAsync(string text, RemoteGpgKeys remoteKeys, CancellationToken cancellationToken)
    {
        var output = new StringBuilder(text.Length);
        var lines = text.Split('\n');
        var section = "";
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index];
            if (line.TrimEnd() is ['[', .. var id, ']'])
            {
                section = id.Trim();
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            var key = equals > 0 && !char.IsWhiteSpace(line[0]) ? line[..equals].Trim() : "";
            if (key != GpgKey && !PathKeys.Contains(key))
            {
                output.Append(line).Append(index < lines.Length - 1 ? "\n" : "");
                continue;
            }

            var value = new StringBuilder(line[(equals + 1)..]);
            while (index + 1 < lines.Length && lines[index + 1].Length > 0 && lines[index + 1][0] is ' ' or '\t' && lines[index + 1].Trim().Length > 0)
            {
                value.Append(' ').Append(lines[++index].Trim());
            }

            var rewritten = key == GpgKey
                ? await RewriteKeyUrlsAsync(value.ToString(), section, remoteKeys, cancellationToken)
                : Stage(value.ToString().Trim());
            output.Append(key).Append('=').Append(rewritten).Append('\n');
        }

        return output.ToString();
    }

    private async Task<string> RewriteKeyUrlsAsync(string value, string section, RemoteGpgKeys remoteKeys, CancellationToken cancellationToken)
    {
        var urls = new List<string>();
        foreach (var url in value.Split([' ', '\t', ',', '\r'], StringSplitOptions.RemoveEmptyEntries))
        {
            var expanded = _variables.Expand(url);
            if (expanded.StartsWith(FileScheme, StringComparison.Ordinal))
            {
                urls.Add(FileScheme + Stage(expanded[FileScheme.Length..]));
            }
            else if (RemoteGpgKeys.IsRemote(expanded))
            {
                var copy = NextCopyPath();
                WriteCopy(copy, await remoteKeys.FetchAsync(expanded, section, cancellationToken));
                urls.Add(FileScheme + copy);
            }
            else
            {
                urls.Add(url);
            }
        }

        return string.Join(' ', urls);
    }

    /// <summary>
    /// Copies the image file <paramref name="value"/> names (when it is a small regular file) and returns the path of
    /// the copy relative to this root. Anything else gets a path where nothing is, so the solver fails to open it
    /// rather than reaching the host or blocking on a FIFO; <see cref="InImage"/> maps the path back for the tool's
    /// own readers, which report why.
    /// </summary>
    private string Stage(string value)
    {
        if (value.Length == 0)
        {
            return value;
        }

        var imagePath = _variables.Expand(value);
        var copy = NextCopyPath();
        _imagePaths[Path + copy] = imagePath;
        try
        {
            if (_image.ReadBytes(imagePath, MaxFileBytes) is { } contents)
            {
                WriteCopy(copy, contents);
            }
        }
        catch (BoundedFileException e)
        {
            Serilog.Log.Debug("not giving the solver {Path} of the image: {Reason}", imagePath, e.Message);
        }

        return copy;
    }

    private string NextCopyPath() => $"/{FilesDirectory}/{++_copies}.copy";

    private void WriteCopy(string relativePath, string text) => WriteCopy(relativePath, Encoding.UTF8.GetBytes(text));

    private void WriteCopy(string relativePath, byte[] contents)
    {
        var target = System.IO.Path.Join(Path, relativePath);
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.WriteAllBytes(target, contents);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BibException($"failed to write the repository configuration for the solver: {e.Message}", e);
        }
    }
}
