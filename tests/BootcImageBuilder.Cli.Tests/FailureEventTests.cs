using System.Text.Json.Nodes;
using BootcImageBuilder.Blueprint;
using BootcImageBuilder.Building;
using BootcImageBuilder.Cli.Progress;
using BootcImageBuilder.Cli.Settings;
using BootcImageBuilder.Distro;
using BootcImageBuilder.Images;
using BootcImageBuilder.Osbuild.Running;
using BootcImageBuilder.Processes;

namespace BootcImageBuilder.Cli.Tests;

/// <summary>JSON consumers get an <c>error</c> event for every failure, in the words of the final error line.</summary>
public sealed class FailureEventTests : IDisposable
{
    private const string IoError = "input/output error (run with --log-level debug for details)";

    private readonly string _work = Directory.CreateTempSubdirectory("bib-failure-event-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public async Task An_unexpected_failure_of_a_command_is_an_error_event()
    {
        using var stdout = new StringWriter();

        await Assert.ThrowsAsync<IOException>(() => ReportedRun.RunAsync(
            ProgressReporters.Create(ProgressMode.Json, stdout, TextWriter.Null),
            _ => throw new IOException("No space left on device : '/secret/path'"),
            CancellationToken.None));

        Assert.Equal(("error", IoError), LastEvent(stdout));
    }

    [Fact]
    public async Task A_failure_after_a_signal_is_the_interruption_in_the_event_too()
    {
        using var stdout = new StringWriter();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAsync<BibException>(() => ReportedRun.RunAsync(
            ProgressReporters.Create(ProgressMode.Json, stdout, TextWriter.Null),
            _ => throw new BibException("podman: signal: interrupt"),
            cancelled.Token));

        Assert.Equal(("error", "interrupted"), LastEvent(stdout));
    }

    [Fact]
    public async Task An_unexpected_failure_of_a_build_is_an_error_event()
    {
        using var stdout = new StringWriter();
        var broken = new BrokenProcesses();
        var console = new BuildConsole(stdout, TextWriter.Null);
        var build = new ImageBuild(
            new BuildPreparation(new EnvironmentChecks(broken, _work), new ContainerEnvironmentSetup(broken), broken, console),
            new ManifestProduction(_ => throw new IOException("Input/output error : '/var/lib/containers'"), new BlueprintLoader(_work), console.Warn),
            new OsbuildStep(new OsbuildRunner("/nonexistent/osbuild"), console));
        var request = new BuildRequest(
            new ManifestRequest("localhost/never-used", ImageTypeSet.Parse(["qcow2"])) { RpmmdDirectory = _work },
            Path.Combine(_work, "output"),
            Path.Combine(_work, "store"))
        {
            InVm = true,
        };

        await Assert.ThrowsAsync<IOException>(() => build.RunAsync(
            request, ProgressReporters.Create(ProgressMode.Json, stdout, TextWriter.Null), () => throw new InvalidOperationException(), CancellationToken.None));

        Assert.Equal(("error", IoError), LastEvent(stdout));
    }

    private static (string Type, string Message) LastEvent(StringWriter stdout)
    {
        var last = JsonNode.Parse(stdout.ToString().TrimEnd('\n').Split('\n')[^1])!;
        return ((string)last["type"]!, (string)last["message"]!);
    }

    /// <summary>Every program fails the way a vanished device makes it fail: not a result, an exception.</summary>
    private sealed class BrokenProcesses : IProcessRunner
    {
        public Task<ProcessResult> RunAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken, long maxOutputBytes) =>
            throw new IOException("Input/output error : '/dev/sda'");

        public Task<ProcessResult> RunWithInputAsync(
            string program,
            IReadOnlyList<string> arguments,
            string standardInput,
            CancellationToken cancellationToken,
            long maxOutputBytes,
            IReadOnlyDictionary<string, string>? environment) =>
            RunAsync(program, arguments, cancellationToken, maxOutputBytes);
    }
}
