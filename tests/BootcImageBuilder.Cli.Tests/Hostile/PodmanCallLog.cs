namespace BootcImageBuilder.Cli.Tests.Hostile;

/// <summary>
/// A <c>podman</c> first on the tool's PATH that records each call (one line of arguments) and then runs the real
/// one: what a run asked of podman, told apart from what other tests running at the same time do.
/// </summary>
internal sealed class PodmanCallLog : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("bib-podman-log-").FullName;

    public PodmanCallLog()
    {
        var shim = Path.Join(_directory, "podman");
        File.WriteAllText(shim, $"#!/bin/sh\nprintf '%s\\n' \"$*\" >> '{LogPath}'\nexec /usr/bin/podman \"$@\"\n");
        File.SetUnixFileMode(shim, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Environment = new Dictionary<string, string> { ["PATH"] = $"{_directory}:{System.Environment.GetEnvironmentVariable("PATH")}" };
    }

    /// <summary>The variables that put the recording podman first.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>Every call so far, as its argument line.</summary>
    public IReadOnlyList<string> Calls => File.Exists(LogPath) ? File.ReadAllLines(LogPath) : [];

    private string LogPath => Path.Join(_directory, "calls.log");

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
