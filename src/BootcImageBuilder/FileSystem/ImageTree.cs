namespace BootcImageBuilder.FileSystem;

/// <summary>
/// A container's root tree on the host, read as the container would see it: every symbolic link is resolved inside
/// the tree (an absolute target starts again at the tree's root, <c>..</c> stops at it), at most
/// <see cref="MaxLinks"/> links per lookup, and files are read only when they are regular and small. A hostile
/// image can therefore never make the tool read a host file, block on a FIFO or exhaust memory.
/// </summary>
public sealed class ImageTree
{
    /// <summary>As Linux's <c>MAXSYMLINKS</c>.</summary>
    public const int MaxLinks = 40;

    public ImageTree(string root)
    {
        ArgumentNullException.ThrowIfNull(root);
        Root = root.TrimEnd('/');
    }

    /// <summary>The tree's root on the host (no trailing slash; empty for <c>/</c>).</summary>
    public string Root { get; }

    /// <summary>The host path of <paramref name="path"/> (relative to the tree, or absolute within it) with every link resolved, and what it is.</summary>
    /// <exception cref="IOException">Too many links, or a component could not be examined.</exception>
    public (string HostPath, FileKind Kind) Resolve(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var pending = new Stack<string>(Components(path).Reverse());
        var resolved = new List<string>();
        var links = 0;
        while (pending.Count > 0)
        {
            var component = pending.Pop();
            if (component == "..")
            {
                if (resolved.Count > 0)
                {
                    resolved.RemoveAt(resolved.Count - 1);
                }

                continue;
            }

            var candidate = HostPath(resolved.Append(component));
            var status = FileStatus.OfLink(candidate);
            if (status.Kind == FileKind.Missing)
            {
                return (HostPath(resolved.Append(component).Concat(pending)), FileKind.Missing);
            }

            if (status.Kind != FileKind.SymbolicLink)
            {
                resolved.Add(component);
                continue;
            }

            if (++links > MaxLinks)
            {
                throw new IOException($"more than {MaxLinks} symbolic links");
            }

            var target = new FileInfo(candidate).LinkTarget ?? "";
            if (target.StartsWith('/'))
            {
                resolved.Clear();
            }

            foreach (var part in Components(target).Reverse())
            {
                pending.Push(part);
            }
        }

        var final = HostPath(resolved);
        return (final, resolved.Count == 0 ? FileKind.Directory : FileStatus.OfLink(final).Kind);
    }

    public FileKind KindOf(string path) => Resolve(path).Kind;

    /// <summary>The text of <paramref name="path"/>, or null when nothing is there.</summary>
    /// <exception cref="BoundedFileException">It is not a regular file, is larger than <paramref name="maxBytes"/>, or cannot be read.</exception>
    public string? ReadText(string path, long maxBytes)
    {
        var (hostPath, kind) = ResolveOrFail(path);
        return kind switch
        {
            FileKind.Missing => null,
            FileKind.Regular => BoundedFile.ReadText(hostPath, maxBytes),
            _ => throw new BoundedFileException(kind, BoundedFile.Describe(kind)),
        };
    }

    /// <summary>The bytes of <paramref name="path"/>, or null when nothing is there.</summary>
    /// <exception cref="BoundedFileException">It is not a regular file, is larger than <paramref name="maxBytes"/>, or cannot be read.</exception>
    public byte[]? ReadBytes(string path, long maxBytes)
    {
        var (hostPath, kind) = ResolveOrFail(path);
        return kind switch
        {
            FileKind.Missing => null,
            FileKind.Regular => BoundedFile.ReadBytes(hostPath, maxBytes),
            _ => throw new BoundedFileException(kind, BoundedFile.Describe(kind)),
        };
    }

    /// <summary>The names in directory <paramref name="path"/>, sorted by ordinal; empty when it is not a directory.</summary>
    public IReadOnlyList<string> EntryNames(string path)
    {
        var (hostPath, kind) = ResolveOrFail(path);
        if (kind != FileKind.Directory)
        {
            return [];
        }

        var names = Directory.GetFileSystemEntries(hostPath).Select(Path.GetFileName).OfType<string>().ToArray();
        Array.Sort(names, StringComparer.Ordinal);
        return names;
    }

    private (string HostPath, FileKind Kind) ResolveOrFail(string path)
    {
        try
        {
            return Resolve(path);
        }
        catch (IOException e) when (e is not BoundedFileException)
        {
            throw new BoundedFileException(FileKind.Unknown, e.Message, e);
        }
    }

    private static IEnumerable<string> Components(string path) =>
        path.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(c => c != ".");

    private string HostPath(IEnumerable<string> components) => Root + "/" + string.Join('/', components);
}
