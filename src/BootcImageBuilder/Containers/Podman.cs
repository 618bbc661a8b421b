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

    /// <summary>
    /// Runs the call in a session of its own (<c>setsid</c>), so a signal sent to our process group (Ctrl-C in a
    /// terminal) does not kill it half-way, and tries again when it still fails, up to <see cref="CleanupAttempts"/>
    /// times.
    /// </summary>
    public async Task<ProcessResult> RunCleanupAsync(IReadOnlyList<string> arguments)
    {
        var setsid = ExecutableLookup.Find("setsid");
        ProcessResult result = new(-1, "", "");
        for (var attempt = 1; attempt <= CleanupAttempts; attempt++)
        {
            result = setsid is null
                ? await _runner.RunAsync(_program, CommandLine(arguments), CancellationToken.None)
                : await _runner.RunAsync(setsid, [_program, .. CommandLine(arguments)], CancellationToken.None);
            if (result.Succeeded)
            {
                return result;
            }

            await Task.Delay(CleanupRetryDelay);
        }

        return result;
    }

    public const int CleanupAttempts = 3;

    private static readonly TimeSpan CleanupRetryDelay = TimeSpan.FromMilliseconds(250);

    /// <summary>The arguments given to the podman binary for <paramref name="arguments"/>.</summary>
    public IReadOnlyList<string> CommandLine(IReadOnlyList<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        return IsRootless ? [.. RootlessArguments, .. arguments] : arguments;
    }
}
