namespace BootcImageBuilder;

/// <summary>
/// Where the tool's data files (<c>defs/</c>, <c>depsolve/</c>) live: next to the executable (the build copies
/// <c>data/</c> there, so the NativeAOT binary and the dotnet tool carry their own), then where the container
/// installs them, as upstream does (<c>/usr/share/bootc-image-builder</c>).
/// </summary>
public static class DataDirectories
{
    public const string SystemRoot = "/usr/share/bootc-image-builder";

    /// <summary>The data roots in search order.</summary>
    public static IReadOnlyList<string> Roots { get; } = [AppContext.BaseDirectory, SystemRoot];

    /// <summary>The first existing file <paramref name="relativePath"/> under a data root, or null.</summary>
    public static string? FindFile(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        return Roots.Select(root => Path.Combine(root, relativePath)).FirstOrDefault(File.Exists);
    }
}
