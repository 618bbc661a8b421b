using System.Collections.Concurrent;
using BootcImageBuilder.Containers;
using BootcImageBuilder.Processes;

namespace BootcImageBuilder.IntegrationTests.Containers;

/// <summary>Real podman that remembers every command line it was given.</summary>
internal sealed class RecordingPodman : IPodman
{
    private readonly Podman _podman = new(new ProcessRunner());

    public ConcurrentQueue<IReadOnlyList<string>> Calls { get; } = new();

    public int CountOf(string subcommand) => Calls.Count(call => call[0] == subcommand);

    public Task<ProcessResult> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        Calls.Enqueue(arguments);
        return _podman.RunAsync(arguments, cancellationToken);
    }
}
