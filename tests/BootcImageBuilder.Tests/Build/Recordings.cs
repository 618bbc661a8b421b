namespace BootcImageBuilder.Tests.Build;

/// <summary>The osbuild monitor streams recorded from real osbuild runs (see Recordings/README.md).</summary>
internal static class Recordings
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Build", "Recordings", name);

    public static string Read(string name) => File.ReadAllText(PathOf(name));
}
