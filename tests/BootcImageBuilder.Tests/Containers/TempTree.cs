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

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
