using BootcImageBuilder.Processes;

namespace BootcImageBuilder.Containers;

/// <summary>The podman command line. Implementations add whatever global options the environment needs.</summary>
public interface IPodman
{
    /// <summary>Runs <c>podman</c> with <paramref name="arguments"/> (starting with the subcommand) and captures its output.</summary>
    Task<ProcessResult> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken);

    /// <summary>
    /// Runs a cleanup call (removing a container, unmounting an image). It is never cancelled, and an implementation
    /// must make it survive the signal that cancelled the run: a terminal's Ctrl-C reaches the whole process group.
    /// </summary>
    Task<ProcessResult> RunCleanupAsync(IReadOnlyList<string> arguments) => RunAsync(arguments, CancellationToken.None);
}
