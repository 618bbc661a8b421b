using BootcImageBuilder.Processes;

namespace BootcImageBuilder.Containers;

/// <summary>The podman command line. Implementations add whatever global options the environment needs.</summary>
public interface IPodman
{
    /// <summary>Runs <c>podman</c> with <paramref name="arguments"/> (starting with the subcommand) and captures its output.</summary>
    Task<ProcessResult> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken);
}
