namespace BootcImageBuilder.Tests.Osbuild;

/// <summary>
/// Locates the project's shared reference material: <c>../shared</c> next to the repository root
/// (the directory holding BootcImageBuilder.sln, found by walking up from the test assembly).
/// </summary>
public static class SharedReferenceFiles
{
    private static readonly Lazy<string?> SharedDirectoryPath = new(FindSharedDirectory);

    /// <summary>The shared directory, or null when this checkout has none next to it.</summary>
    public static string? SharedDirectory => SharedDirectoryPath.Value;

    public static string? ReferenceManifestsDirectory => SubdirectoryOrNull("reference-manifests");

    /// <summary>Upstream bib's <c>bib/data/defs</c> at its final commit (links stored as files holding the target), or null.</summary>
    public static string? ReferenceDefsDirectory => SubdirectoryOrNull(Path.Combine("reference-defs", "bib-2cc5e95"));

    /// <summary>Path of a reference manifest such as <c>bootc-bib-testdata/centos-bootc-stream9-x86_64-disk.json</c>, or null.</summary>
    public static string? ReferenceManifest(string relativePath)
    {
        var directory = ReferenceManifestsDirectory;
        if (directory is null)
        {
            return null;
        }

        var path = Path.Combine(directory, relativePath);
        return File.Exists(path) ? path : null;
    }

    /// <summary>The directory that holds BootcImageBuilder.sln above the test assembly, or null.</summary>
    public static string? RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BootcImageBuilder.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    private static string? SubdirectoryOrNull(string name)
    {
        if (SharedDirectory is null)
        {
            return null;
        }

        var path = Path.Combine(SharedDirectory, name);
        return Directory.Exists(path) ? path : null;
    }

    private static string? FindSharedDirectory()
    {
        var root = RepositoryRoot();
        if (root is null)
        {
            return null;
        }

        var shared = Path.GetFullPath(Path.Combine(root, "..", "shared"));
        return Directory.Exists(shared) ? shared : null;
    }
}
