namespace BootcImageBuilder.Processes;

/// <summary>Finds a program the way a shell does, along PATH (or a given search path).</summary>
public static class ExecutableLookup
{
    public static string? Find(string name, string? searchPath = null) =>
        (searchPath ?? Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
}
