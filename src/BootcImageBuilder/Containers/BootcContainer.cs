using BootcImageBuilder.Processes;

namespace BootcImageBuilder.Containers;

/// <summary>
/// A bootc image running as <c>sleep infinity</c> with its root tree mounted on the host, for inspection.
/// Stop it (or dispose it) when done: it is then stopped and removed even if the caller was cancelled.
/// </summary>
public sealed class BootcContainer : IAsyncDisposable
{
    private const string SecretsDirectory = "/run/secrets";

    private readonly IPodman _podman;
    private bool _stopped;

    private BootcContainer(IPodman podman, string imageRef, string containerId)
    {
        _podman = podman;
        ImageRef = imageRef;
        ContainerId = containerId;
    }

    public string ImageRef { get; }

    public string ContainerId { get; }

    /// <summary>The full id of the image the container runs (hex, no <c>sha256:</c> prefix).</summary>
    public string ImageId { get; private init; } = "";

    /// <summary>The image's declared architecture as podman spells it (<c>amd64</c>, <c>arm64</c>, …).</summary>
    public string Architecture { get; private init; } = "";

    /// <summary>The container's root tree as a host path.</summary>
    public string Root { get; private set; } = "";

    /// <summary>
    /// Starts <paramref name="imageRef"/> (which must already be in local storage, as <paramref name="image"/>
    /// describes it) and mounts it. On any failure or cancellation the container is stopped and removed before the
    /// exception leaves.
    /// </summary>
    /// <param name="containerName">A unique name, so a container whose start was interrupted can still be removed.</param>
    /// <param name="secretsDirectory">Bind-mounted into the container at <c>/run/secrets</c> when it exists (RHSM credentials); usually <c>/run/secrets</c>.</param>
    public static async Task<BootcContainer> StartAsync(
        IPodman podman,
        string imageRef,
        ImageFacts image,
        string containerName,
        string secretsDirectory,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(podman);
        ArgumentNullException.ThrowIfNull(image);
        List<string> run =
        [
            "run", "--rm",
            // sleep as PID 1 would ignore SIGTERM, making every stop wait for the timeout.
            "--init",
            "--detach", "--net", "host", "--entrypoint", "sleep", "--name", containerName,
        ];
        if (Directory.Exists(secretsDirectory))
        {
            run.AddRange(["--volume", $"{secretsDirectory}:{SecretsDirectory}"]);
        }

        run.AddRange(["--", imageRef, "infinity"]);

        ProcessResult started;
        try
        {
            started = await podman.RunAsync(run, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // podman may have created the container before it was killed; only its name is known.
            await podman.RunCleanupAsync(["rm", "--force", "--time", "0", "--ignore", containerName]);
            throw;
        }

        if (!started.Succeeded)
        {
            await podman.RunCleanupAsync(["rm", "--force", "--time", "0", "--ignore", containerName]);
            throw new BibException($"running {imageRef} container failed: {started.ExitStatus}\nstderr:\n{started.Stderr}");
        }

        var container = new BootcContainer(podman, imageRef, started.Stdout.Trim())
        {
            ImageId = image.Id,
            Architecture = image.Architecture,
        };
        try
        {
            var mounted = await podman.RunAsync(["mount", container.ContainerId], cancellationToken);
            if (!mounted.Succeeded)
            {
                throw new BibException($"mounting {imageRef} container failed: {mounted.ExitStatus}\nstderr:\n{mounted.Stderr}");
            }

            container.Root = mounted.Stdout.Trim();
            return container;
        }
        catch (Exception e)
        {
            await container.StopAfterFailureAsync(e);
            throw;
        }
    }

    /// <summary>Runs <paramref name="command"/> inside the container; its output is bounded as every child's is.</summary>
    /// <exception cref="BibException">It printed more than the bound (the message says the bound).</exception>
    public async Task<ProcessResult> ExecAsync(IReadOnlyList<string> command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        try
        {
            return await _podman.RunAsync(["exec", ContainerId, .. command], cancellationToken);
        }
        catch (ProcessOutputLimitException e)
        {
            throw new BibException($"cannot run {string.Join(' ', command)} in the image's container: {e.Message}", e);
        }
    }

    /// <summary>The default root filesystem type from <c>bootc install print-configuration</c>; null when unset.</summary>
    public async Task<string?> ReadDefaultRootFsTypeAsync(CancellationToken cancellationToken)
    {
        var result = await ExecAsync(["bootc", "install", "print-configuration"], cancellationToken);
        if (!result.Succeeded)
        {
            // Upstream shows stdout only; stderr is where bootc says what went wrong.
            throw new BibException(
                $"failed to run bootc install print-configuration: {result.ExitStatus}, output:\n{result.Stdout}\nstderr:\n{result.Stderr}");
        }

        return BootcInstallConfiguration.ParseDefaultRootFsType(result.Stdout);
    }

    /// <summary>The module names in the initrd of kernel <paramref name="kernelVersion"/>, from <c>lsinitrd</c>.</summary>
    public async Task<IReadOnlyList<string>> ReadInitrdModulesAsync(string kernelVersion, CancellationToken cancellationToken)
    {
        var result = await ExecAsync(["lsinitrd", "--mod", "--kver", kernelVersion], cancellationToken);
        if (!result.Succeeded)
        {
            throw new BibException(
                $"failed to run lsinitrd --mod --kver {kernelVersion}: {result.ExitStatus}, output:\n{result.Stdout}\nstderr:\n{result.Stderr}");
        }

        return result.Stdout.TrimEnd('\n').Split('\n');
    }

    /// <summary>Stops and removes the container. Never cancelled: a half-done cleanup would leave it behind. Idempotent.</summary>
    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        // One call stops and removes it: only `sleep` runs there, so it need not be asked to stop first.
        var removed = await _podman.RunCleanupAsync(["rm", "--force", "--time", "0", "--ignore", ContainerId]);
        if (!removed.Succeeded)
        {
            throw new BibException($"removing {ContainerId} container failed: {removed.ExitStatus}\noutput:\n{removed.Stdout}{removed.Stderr}");
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    /// <summary>
    /// Stops the container after <paramref name="failure"/>. A stop failure is added to a <see cref="BibException"/>'s
    /// message (upstream's <c>stopping the container failed too</c>); other failures keep their own type.
    /// </summary>
    internal async Task StopAfterFailureAsync(Exception failure)
    {
        try
        {
            await StopAsync();
        }
        catch (BibException stopFailure) when (failure is BibException)
        {
            throw new BibException($"{failure.Message}\nstopping the container failed too: {stopFailure.Message}", failure);
        }
        catch (BibException stopFailure)
        {
            Serilog.Log.Warning("stopping the container failed too: {Error}", stopFailure.Message);
        }
    }
}
