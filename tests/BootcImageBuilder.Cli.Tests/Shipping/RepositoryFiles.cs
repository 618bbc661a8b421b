namespace BootcImageBuilder.Cli.Tests.Shipping;

/// <summary>Files of this checkout (the directory holding BootcImageBuilder.sln above the test assembly).</summary>
internal static class RepositoryFiles
{
    public static string? RootOrNull { get; } = FindRoot();

    public static string Root => RootOrNull ?? throw new InvalidOperationException("no BootcImageBuilder.sln above " + AppContext.BaseDirectory);

    public static string PathOf(string relativePath) => Path.Join(Root, relativePath);

    public static string Read(string relativePath) => File.ReadAllText(PathOf(relativePath));

    private static string? FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Join(dir.FullName, "BootcImageBuilder.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
