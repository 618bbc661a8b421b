using System.Diagnostics;

namespace BootcImageBuilder.Cli.Tests;

/// <summary>Paths that name no regular file of reasonable size, as a hostile user gives them for an image or a credentials file.</summary>
internal static class HostileFiles
{
    /// <param name="directory">Where the FIFO, link or file is made.</param>
    /// <param name="kind"><c>fifo</c>, <c>empty</c>, <c>huge</c> (2 MiB), <c>link to /dev/urandom</c>, or a device path used as it is.</param>
    public static string Make(string directory, string kind)
    {
        var path = Path.Combine(directory, "hostile-" + kind.Replace(' ', '-').Replace('/', '-'));
        switch (kind)
        {
            case "fifo":
                using (var mkfifo = Process.Start("mkfifo", [path]))
                {
                    mkfifo.WaitForExit();
                }

                return path;
            case "empty":
                File.WriteAllBytes(path, []);
                return path;
            case "huge":
                File.WriteAllBytes(path, new byte[2 * 1024 * 1024]);
                return path;
            case "link to /dev/urandom":
                File.CreateSymbolicLink(path, "/dev/urandom");
                return path;
            default:
                return kind;
        }
    }
}
