using System.Text.RegularExpressions;

namespace BootcImageBuilder.Building;

/// <summary>
/// Whether osbuild's store outlives this build, so that checkpoints in it can serve a later one. Outside a container
/// the store is a directory the user chose or keeps. Inside one, it lives only as long as the container when it sits
/// on the container's own root filesystem or on an anonymous volume (a Containerfile <c>VOLUME</c> nobody mounted:
/// podman and docker keep those under <c>volumes/&lt;64 hex digits&gt;/_data</c>); a bind mount or a named volume stays.
/// </summary>
public static partial class StorePersistence
{
    public static bool IsKept(string storeDirectory, bool inContainer, string mountInfoPath = MountTable.DefaultPath)
    {
        ArgumentNullException.ThrowIfNull(storeDirectory);
        if (!inContainer)
        {
            return true;
        }

        var mount = MountTable.MountContaining(Path.GetFullPath(storeDirectory), mountInfoPath);
        return mount is { } m && m.MountPoint != "/" && !AnonymousVolume().IsMatch(m.Root);
    }

    [GeneratedRegex("/volumes/[0-9a-f]{64}/_data$")]
    private static partial Regex AnonymousVolume();
}
