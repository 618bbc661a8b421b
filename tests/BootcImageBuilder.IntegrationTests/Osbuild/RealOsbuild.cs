namespace BootcImageBuilder.IntegrationTests.Osbuild;

/// <summary>
/// osbuild is not packaged for Debian; these tests run it from a source checkout named by OSBUILD_SOURCE_DIR
/// (see docs/development.md), through a small wrapper that is put where the tool looks for <c>osbuild</c>.
/// </summary>
internal static class RealOsbuild
{
    public static string? SourceDirectory { get; } = Environment.GetEnvironmentVariable("OSBUILD_SOURCE_DIR");

    public static string? MissingReason { get; } =
        string.IsNullOrEmpty(SourceDirectory)
            ? "real osbuild is not available: set OSBUILD_SOURCE_DIR to an osbuild source checkout to run this test"
            : !File.Exists(Path.Combine(SourceDirectory, "osbuild", "main_cli.py"))
                ? $"OSBUILD_SOURCE_DIR={SourceDirectory} is not an osbuild source checkout (no osbuild/main_cli.py)"
                : !File.Exists("/usr/bin/python3")
                    ? "real osbuild needs Debian's /usr/bin/python3"
                    : null;

    /// <summary>Writes an <c>osbuild</c> wrapper into <paramref name="directory"/> and returns its path.</summary>
    public static string WriteWrapper(string directory)
    {
        var path = Path.Combine(directory, "osbuild");
        File.WriteAllText(path, $"#!/bin/sh\nPYTHONPATH='{SourceDirectory}' exec /usr/bin/python3 -m osbuild --libdir '{SourceDirectory}' \"$@\"\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }
}
