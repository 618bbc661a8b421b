using System.Diagnostics;

namespace BootcImageBuilder.Cli.Tests.Completion;

/// <summary>
/// A real shell with the script <c>bootc-image-builder completion SHELL</c> printed, and a <c>bootc-image-builder</c>
/// first on PATH that runs the build under test, so the script's call back into the tool is the real one.
/// </summary>
internal sealed class ShellSession : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("bib-completion-");

    private ShellSession(string shell) => Shell = shell;

    public string Shell { get; }

    public string ScriptPath => Path.Join(_directory.FullName, "completion." + Shell);

    public string WorkDirectory => _directory.FullName;

    /// <summary>The shell's path, or null (then the test skips, or fails under CI=true where setup-host installs it).</summary>
    public static string? Find(string shell) =>
        new[] { "/usr/bin", "/bin", "/usr/local/bin" }.Select(dir => Path.Join(dir, shell)).FirstOrDefault(File.Exists);

    public static async Task<ShellSession> StartAsync(string shell)
    {
        var session = new ShellSession(shell);
        var script = await BibProcess.RunAsync(["completion", shell]);
        Assert.True(script.ExitCode == 0, script.Stderr);
        await File.WriteAllTextAsync(session.ScriptPath, script.Stdout);
        var launcher = BibProcess.BinaryOverride is { } binary
            ? $"exec '{binary}' \"$@\""
            : $"exec dotnet exec '{BibProcess.DllPath}' \"$@\"";
        var tool = Path.Join(session.WorkDirectory, "bootc-image-builder");
        await File.WriteAllTextAsync(tool, $"#!/bin/sh\n{launcher}\n");
        File.SetUnixFileMode(tool, (UnixFileMode)0b111_101_101);
        return session;
    }

    /// <summary>Runs <paramref name="program"/> in the shell with the session's directory first on PATH; returns stdout lines.</summary>
    public async Task<string[]> RunAsync(string program, params string[] shellArguments)
    {
        var start = new ProcessStartInfo(Find(Shell)!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in shellArguments.Append("-c").Append(program))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PATH"] = $"{WorkDirectory}:{Environment.GetEnvironmentVariable("PATH")}";
        start.Environment["HOME"] = WorkDirectory;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"{Shell} exited {process.ExitCode}: {await stderr}");
        return (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    public void Dispose() => _directory.Delete(recursive: true);
}
