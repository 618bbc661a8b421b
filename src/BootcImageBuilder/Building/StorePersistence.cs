using System.Text.RegularExpressions;

namespace BootcImageBuilder.Building;

/// <summary>
/// Whether osbuild's store outlives this build, so that checkpoints in it can serve a later one. A store named with
/// <c>--store</c> is kept (the user chose it), and so is any store outside a container. The default store inside a
/// container lives only as long as the container when it sits on the container's own root filesystem or on an
/// anonymous volume (a Containerfile <c>VOLUME</c> nobody mounted: podman and docker keep those under
/// <c>volumes/&lt;64 hex digits&gt;/_data</c>); a bind mount or a named volume stays.
/// </summary>
public static partial class StorePersistence
{
    public static bool IsKept(string storeDirectory, bool chosenByUser, bool inContainer, string mountInfoPath = MountTable.DefaultPath)
    {
        ArgumentNullException.ThrowIfNull(storeDirectory);
        if (chosenByUser || !inContainer)
        {
            return true;
        }

        var mount = MountTable.MountContaining(Path.GetFullPath(storeDirectory), mountInfoPath);
        return mount is { } m && m.MountPoint != "/" && !AnonymousVolume().IsMatch(m.Root);
    }

    [GeneratedRegex("/volumes/[0-9a-f]{64}/_data$")]
    private static partial Regex AnonymousVolume();
}
