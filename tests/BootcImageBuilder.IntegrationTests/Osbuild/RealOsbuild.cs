using BootcImageBuilder.IntegrationTests.Containers;
using BootcImageBuilder.Processes;
using BootcImageBuilder.Tests.Osbuild;

namespace BootcImageBuilder.IntegrationTests.Osbuild;

/// <summary>
/// Finds a real osbuild for the tests: <c>../shared/tools/osbuild/prepare</c> beside the repository root, else the
/// source checkout named by <c>OSBUILD_SOURCE_DIR</c>, else <c>osbuild</c> on PATH. Under <c>CI=true</c> a missing
/// osbuild fails the test; elsewhere the test is skipped with a reason naming what is missing.
/// </summary>
internal static class RealOsbuild
{
    private static readonly ProcessRunner Runner = new();
    private static readonly Lazy<Task<string?>> Prepared = new(() => PrepareAsync(machine: false));
    private static readonly Lazy<Task<string?>> PreparedForMachine = new(() => PrepareAsync(machine: true));

    public static bool IsCi => Environment.GetEnvironmentVariable("CI") == "true";

    /// <summary>The path of an <c>osbuild</c> executable; skips (or, in CI, fails) the test when there is none.</summary>
    /// <param name="scratch">A directory where a wrapper for an <c>OSBUILD_SOURCE_DIR</c> checkout may be written.</param>
    public static async Task<string> ExecutableAsync(string scratch)
    {
        if (await Prepared.Value is { } prepared)
        {
            return Path.Join(prepared, "bin", "osbuild");
        }

        var source = Environment.GetEnvironmentVariable("OSBUILD_SOURCE_DIR");
        if (!string.IsNullOrEmpty(source) && File.Exists(Path.Join(source, "osbuild", "main_cli.py")) && File.Exists("/usr/bin/python3"))
        {
            return WriteWrapper(scratch, source);
        }

        if (FindOnPath("osbuild") is { } onPath)
        {
            return onPath;
        }

        SkipOrFail(
            "real osbuild is not available: no ../shared/tools/osbuild/prepare beside the repository, " +
            $"OSBUILD_SOURCE_DIR {(string.IsNullOrEmpty(source) ? "is not set" : $"={source} is not an osbuild source checkout")}, " +
            "and no osbuild on PATH");
        throw new InvalidOperationException("unreachable");
    }

    /// <summary>The <c>bin</c> directory of <c>prepare --machine</c>'s osbuild (whole bootc disk builds on these machines).</summary>
    public static async Task<string> MachineBinDirectoryAsync()
    {
        if (await PreparedForMachine.Value is { } prepared)
        {
            return Path.Join(prepared, "bin");
        }

        SkipOrFail("whole disk builds need ../shared/tools/osbuild/prepare --machine beside the repository, which is not there");
        throw new InvalidOperationException("unreachable");
    }

    /// <summary>Skips the test with <paramref name="reason"/>, or fails it in CI, where nothing that needs osbuild may skip.</summary>
    public static void SkipOrFail(string reason)
    {
        Assert.False(IsCi, $"CI=true: {reason}");
        Skip.If(true, reason);
    }

    private static async Task<string?> PrepareAsync(bool machine)
    {
        if (SharedReferenceFiles.SharedDirectory is not { } shared || !File.Exists(Path.Join(shared, "tools", "osbuild", "prepare")))
        {
            return null;
        }

        var prepare = Path.Join(shared, "tools", "osbuild", "prepare");
        var output = await TestImages.RunCheckedAsync(prepare, machine ? ["--machine"] : []);
        return output.Trim().Split('\n')[^1];
    }

    private static string WriteWrapper(string directory, string source)
    {
        var path = Path.Combine(directory, "osbuild");
        File.WriteAllText(path, $"#!/bin/sh\nPYTHONPATH='{source}' exec /usr/bin/python3 -m osbuild --libdir '{source}' \"$@\"\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Join(dir, program))
            .FirstOrDefault(File.Exists);
}
