namespace BootcImageBuilder.Building;

/// <summary>
/// Keeps half-written artifacts out of sight: osbuild exports into a hidden staging directory inside the output
/// directory (so the final rename stays on one filesystem and is atomic), and only a successful build moves the
/// artifacts to their final names. A failed or interrupted build leaves the output directory as it was.
/// </summary>
public sealed class OutputStaging : IDisposable
{
    private bool _disposed;

    private OutputStaging(string outputDirectory, string stagingDirectory)
    {
        OutputDirectory = outputDirectory;
        StagingDirectory = stagingDirectory;
    }

    public string OutputDirectory { get; }

    /// <summary>Where osbuild's <c>--output-directory</c> points.</summary>
    public string StagingDirectory { get; }

    public static OutputStaging Create(string outputDirectory)
    {
        var staging = Path.Combine(outputDirectory, $".bib-staging-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        return new OutputStaging(outputDirectory, staging);
    }

    /// <summary>
    /// Moves each expected artifact (a path relative to the export root, e.g. <c>qcow2/disk.qcow2</c>) into place,
    /// replacing an older file of the same name. Every artifact must exist before anything moves.
    /// </summary>
    public IReadOnlyList<Artifact> Promote(IReadOnlyList<(string ImageType, string RelativePath)> expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        var missing = expected.Where(e => !Exists(Path.Combine(StagingDirectory, e.RelativePath))).ToList();
        if (missing.Count > 0)
        {
            throw new BibException(
                $"osbuild did not produce {string.Join(", ", missing.Select(m => m.RelativePath))}");
        }

        foreach (var relativePath in expected.Select(e => e.RelativePath).Distinct(StringComparer.Ordinal))
        {
            var from = Path.Combine(StagingDirectory, relativePath);
            var to = Path.Combine(OutputDirectory, relativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            if (Directory.Exists(from))
            {
                DeleteTree(to);
                Directory.Move(from, to);
            }
            else
            {
                File.Move(from, to, overwrite: true);
            }
        }

        return expected.Select(e => new Artifact(e.ImageType, Path.Combine(OutputDirectory, e.RelativePath))).ToList();
    }

    /// <summary>
    /// Removes the staging directory and whatever osbuild left in it. A failure here must not turn a finished build
    /// into a failed one, so it is logged, not thrown.
    /// </summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            DeleteTree(StagingDirectory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Serilog.Log.Warning("cannot remove the staging directory {Directory}: {Error}", StagingDirectory, e.Message);
        }
    }

    /// <summary>
    /// Bottom-up removal that asks stat what each entry is: <c>Directory.Delete(recursive)</c> trusts the directory
    /// entry type, which FUSE file systems such as fusefat leave unknown, and then fails on subdirectories.
    /// </summary>
    private static void DeleteTree(string path)
    {
        if (!Directory.Exists(path))
        {
            return;
        }

        foreach (var entry in Directory.EnumerateFileSystemEntries(path))
        {
            if (Directory.Exists(entry) && new DirectoryInfo(entry).LinkTarget is null)
            {
                DeleteTree(entry);
            }
            else
            {
                File.Delete(entry);
            }
        }

        Directory.Delete(path, recursive: false);
    }

    private static bool Exists(string path) => File.Exists(path) || Directory.Exists(path);
}
