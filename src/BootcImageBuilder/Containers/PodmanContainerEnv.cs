namespace BootcImageBuilder.Containers;

/// <summary>Reads <c>/run/.containerenv</c>, the file podman writes into every container it runs.</summary>
public static class PodmanContainerEnv
{
    public const string DefaultPath = "/run/.containerenv";

    /// <summary>
    /// True when this process runs in a rootless podman container (a line that is exactly <c>rootless=1</c>).
    /// A missing file means "not rootless", as outside podman or under docker.
    /// </summary>
    public static bool IsRootless(string containerEnvPath = DefaultPath)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(containerEnvPath);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return false;
        }

        return lines.Contains("rootless=1", StringComparer.Ordinal);
    }
}
