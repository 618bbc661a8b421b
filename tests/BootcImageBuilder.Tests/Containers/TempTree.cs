namespace BootcImageBuilder.Tests.Containers;

/// <summary>A throw-away root tree for readers that take a root path.</summary>
internal sealed class TempTree : IDisposable
{
    public TempTree() => Root = Directory.CreateTempSubdirectory("bib-tree-").FullName;

    public string Root { get; }

    public TempTree File(string path, string contents)
    {
        var target = Path.Join(Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        System.IO.File.WriteAllText(target, contents);
        return this;
    }

    public TempTree Dir(string path)
    {
        Directory.CreateDirectory(Path.Join(Root, path));
        return this;
    }

    /// <summary>A symbolic link at <paramref name="path"/> whose target text is <paramref name="target"/> (it need not exist).</summary>
    public TempTree Link(string path, string target)
    {
        var link = Path.Join(Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(link)!);
        System.IO.File.CreateSymbolicLink(link, target);
        return this;
    }

    /// <summary>The absolute path of <paramref name="path"/> in the tree.</summary>
    public string PathOf(string path) => Path.Join(Root, path);

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
