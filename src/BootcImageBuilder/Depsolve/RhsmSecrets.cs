using BootcImageBuilder.FileSystem;
namespace BootcImageBuilder.Depsolve;

/// <summary>
/// Makes the host's subscription secrets visible to dnf inside a mounted container, as upstream does before
/// depsolving (RHEL repositories need the entitlement certificates). The secrets are copied, not bind-mounted:
/// <c>/usr/share/rhel/secrets</c> holds relative symlinks that would resolve against the host from outside.
/// </summary>
public sealed class RhsmSecrets(IReadOnlyList<string> sourceDirectories)
{
    /// <summary>Where podman puts secrets in a container, and where the host keeps them.</summary>
    public static readonly IReadOnlyList<string> DefaultSourceDirectories = ["/run/secrets", "/usr/share/rhel/secrets"];

    public RhsmSecrets()
        : this(DefaultSourceDirectories)
    {
    }

    /// <summary>
    /// Copies every entry of the source directories into <c>&lt;root&gt;/run/secrets</c>, following symlinks and skipping
    /// dangling ones (unsubscribed hosts), unless <c>run/secrets/redhat.repo</c> is already there; then points
    /// <c>etc/pki/entitlement-host</c> and <c>etc/rhsm-host</c> at the copies with relative links, so they resolve
    /// inside the mounted root (some images link them absolutely).
    /// </summary>
    /// <exception cref="BibException">Copying or linking failed.</exception>
    public void Install(string containerRoot)
    {
        ArgumentNullException.ThrowIfNull(containerRoot);
        var destination = Path.Join(containerRoot, "run/secrets");
        if (!ParentsAreRealDirectories(containerRoot, "run/secrets/redhat.repo"))
        {
            // A link among them could point anywhere on the host: nothing is written through it.
            Serilog.Log.Warning("not installing RHSM secrets: run/secrets of the image is not a plain directory");
            return;
        }

        if (!File.Exists(Path.Join(destination, "redhat.repo")))
        {
            CopySecrets(destination);
        }

        RepointLink(containerRoot, "etc/pki/entitlement-host", "../../run/secrets/etc-pki-entitlement");
        RepointLink(containerRoot, "etc/rhsm-host", "../run/secrets/rhsm");
    }

    /// <summary>
    /// ln -sf of <paramref name="relativePath"/>, only where its parent directories exist inside the root as real
    /// directories (an image without <c>etc/pki</c> has nothing to re-point).
    /// </summary>
    private static void RepointLink(string containerRoot, string relativePath, string target)
    {
        if (ParentsAreRealDirectories(containerRoot, relativePath) && Directory.Exists(Path.GetDirectoryName(Path.Join(containerRoot, relativePath))))
        {
            ForceSymlink(Path.Join(containerRoot, relativePath), target);
        }
    }

    /// <summary>True when every existing parent of <paramref name="relativePath"/> below the root is a real directory (not a link).</summary>
    private static bool ParentsAreRealDirectories(string containerRoot, string relativePath)
    {
        var current = containerRoot;
        foreach (var segment in relativePath.Split('/')[..^1])
        {
            current = Path.Join(current, segment);
            if (FileStatus.OfLink(current).Kind is not (FileKind.Directory or FileKind.Missing))
            {
                return false;
            }
        }

        return true;
    }

    private void CopySecrets(string destination)
    {
        try
        {
            Directory.CreateDirectory(destination);
            foreach (var source in sourceDirectories.Where(Directory.Exists))
            {
                foreach (var entry in Directory.EnumerateFileSystemEntries(source).Order(StringComparer.Ordinal).Where(Resolves))
                {
                    CopyFollowingLinks(entry, Path.Join(destination, Path.GetFileName(entry)));
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BibException($"failed to setup /run/secrets: {e.Message}", e);
        }
    }

    private static bool Resolves(string path)
    {
        var final = new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;
        return File.Exists(final) || Directory.Exists(final);
    }

    // cp -rL: directories are copied recursively, links replaced by what they point to; dangling links below the top make it fail.
    private static void CopyFollowingLinks(string source, string target)
    {
        if (Directory.Exists(source))
        {
            Directory.CreateDirectory(target);
            foreach (var entry in Directory.EnumerateFileSystemEntries(source))
            {
                CopyFollowingLinks(entry, Path.Join(target, Path.GetFileName(entry)));
            }
        }
        else if (File.Exists(source))
        {
            File.Copy(source, target, overwrite: true);
        }
    }

    // ln -sf: replaces a file or link; into an existing real directory, the link is made inside it.
    private static void ForceSymlink(string path, string target)
    {
        try
        {
            var existing = new FileInfo(path);
            if (existing.LinkTarget is null && Directory.Exists(path))
            {
                path = Path.Join(path, Path.GetFileName(target));
                existing = new FileInfo(path);
            }

            if (existing.LinkTarget is not null || existing.Exists)
            {
                existing.Delete();
            }

            File.CreateSymbolicLink(path, target);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BibException($"cannot create symlink {path} -> {target}: {e.Message}", e);
        }
    }
}
