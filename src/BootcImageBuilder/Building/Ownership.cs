using System.Runtime.InteropServices;

namespace BootcImageBuilder.Building;

/// <summary>File ownership: upstream's <c>.writecheck</c> probe and the final recursive <c>--chown</c>.</summary>
public static partial class Ownership
{
    /// <summary>
    /// Whether files created in <paramref name="directory"/> can be given an owner (false on some network and
    /// rootless mounts). Creates and removes a <c>.writecheck</c> file, as upstream does.
    /// </summary>
    public static bool CanChownIn(string directory)
    {
        var probe = Path.Combine(directory, $".writecheck{Guid.NewGuid():N}");
        using (File.Create(probe))
        {
        }

        try
        {
            return Lchown(probe, Getuid(), Getgid()) == 0;
        }
        finally
        {
            File.Delete(probe);
        }
    }

    /// <summary>
    /// Gives <paramref name="root"/> and everything below it to <paramref name="uid"/>:<paramref name="gid"/>. Symbolic
    /// links are changed themselves, never followed (upstream follows them).
    /// </summary>
    public static void ChownRecursive(string root, int uid, int? gid)
    {
        var group = gid ?? (int)Getgid();
        ChownOne(root, uid, group);
        foreach (var entry in Directory.EnumerateFileSystemEntries(root, "*", new EnumerationOptions
        {
            RecurseSubdirectories = true,
            AttributesToSkip = 0,
            IgnoreInaccessible = false,
        }))
        {
            ChownOne(entry, uid, group);
        }
    }

    private static void ChownOne(string path, int uid, int gid)
    {
        if (Lchown(path, (uint)uid, (uint)gid) != 0)
        {
            throw new BibException($"cannot chown \"{path}\": errno {Marshal.GetLastPInvokeError()}");
        }
    }

    [LibraryImport("libc", EntryPoint = "lchown", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Lchown(string path, uint owner, uint group);

    [LibraryImport("libc", EntryPoint = "getuid")]
    private static partial uint Getuid();

    [LibraryImport("libc", EntryPoint = "getgid")]
    private static partial uint Getgid();
}
