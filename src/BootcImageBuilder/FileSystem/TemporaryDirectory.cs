namespace BootcImageBuilder.FileSystem;

/// <summary>Private temporary directories the tool makes for a child (osbuild, the solver) and removes afterwards.</summary>
public static class TemporaryDirectory
{
    /// <summary>A new directory named <paramref name="prefix"/> plus a random part, readable by the owner only.</summary>
    /// <exception cref="BibException">It cannot be made; the message names <paramref name="purpose"/>.</exception>
    public static string Create(string prefix, string purpose)
    {
        try
        {
            return Directory.CreateTempSubdirectory(prefix).FullName;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BibException($"failed to create temporary directory for {purpose}: {e.Message}", e);
        }
    }

    /// <summary>Removes <paramref name="path"/> and everything in it; a failure is a warning, since the work is done.</summary>
    public static void Remove(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Serilog.Log.Warning("failed to remove temporary directory {Directory}: {Error}", path, e.Message);
        }
    }
}
