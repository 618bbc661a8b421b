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

        var artifacts = new List<Artifact>();
        foreach (var (imageType, relativePath) in expected.DistinctBy(e => e.RelativePath))
        {
            var from = Path.Combine(StagingDirectory, relativePath);
            var to = Path.Combine(OutputDirectory, relativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            if (Directory.Exists(from))
            {
                if (Directory.Exists(to))
                {
                    Directory.Delete(to, recursive: true);
                }

                Directory.Move(from, to);
            }
            else
            {
                File.Move(from, to, overwrite: true);
            }

            artifacts.Add(new Artifact(imageType, to));
        }

        foreach (var (imageType, relativePath) in expected.Where(e => artifacts.All(a => a.ImageType != e.ImageType)))
        {
            artifacts.Add(new Artifact(imageType, Path.Combine(OutputDirectory, relativePath)));
        }

        return artifacts;
    }

    /// <summary>Removes the staging directory and whatever osbuild left in it.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (Directory.Exists(StagingDirectory))
        {
            Directory.Delete(StagingDirectory, recursive: true);
        }
    }

    private static bool Exists(string path) => File.Exists(path) || Directory.Exists(path);
}
