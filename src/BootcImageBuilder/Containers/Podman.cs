using BootcImageBuilder.Processes;

namespace BootcImageBuilder.Containers;

/// <summary>
/// Runs the real <c>podman</c>. Inside a rootless podman container the host's storage is bind-mounted at
/// <c>/var/lib/containers/storage</c> but its database paths do not match, so every call then uses an empty
/// graph root of its own and reads the image layers through <c>--imagestore</c>, as upstream does.
/// </summary>
public sealed class Podman : IPodman
{
    /// <summary>The global options added to every call when running rootless.</summary>
    public static IReadOnlyList<string> RootlessArguments { get; } =
        ["--root=/run/osbuild/containers/store", "--imagestore=/var/lib/containers/storage"];

    private readonly IProcessRunner _runner;
    private readonly string _program;
    private readonly Lazy<bool> _rootless;

    public Podman(IProcessRunner runner, string containerEnvPath = PodmanContainerEnv.DefaultPath, string program = "podman")
    {
        ArgumentNullException.ThrowIfNull(runner);
        _runner = runner;
        _program = program;
        _rootless = new Lazy<bool>(() => PodmanContainerEnv.IsRootless(containerEnvPath));
    }

    /// <summary>Whether the rootless options are added.</summary>
    public bool IsRootless => _rootless.Value;

    public Task<ProcessResult> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        _runner.RunAsync(_program, CommandLine(arguments), cancellationToken);

    /// <summary>The arguments given to the podman binary for <paramref name="arguments"/>.</summary>
    public IReadOnlyList<string> CommandLine(IReadOnlyList<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        return IsRootless ? [.. RootlessArguments, .. arguments] : arguments;
    }
}
