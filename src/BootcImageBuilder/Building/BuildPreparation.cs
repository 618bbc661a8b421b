using BootcImageBuilder.Processes;
using Serilog;

namespace BootcImageBuilder.Building;

/// <summary>What must hold before anything is built, in upstream's order: the host's setup, the container's, the output directory.</summary>
public sealed class BuildPreparation(
    EnvironmentChecks environment, ContainerEnvironmentSetup containerSetup, IProcessRunner processes, BuildConsole console)
{
    /// <summary>Checks the setup and makes the output directory; the answer says whether the tool runs in a container.</summary>
    public async Task<bool> PrepareAsync(BuildRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        IReadOnlyList<string> warnings;
        try
        {
            warnings = await environment.ValidateAsync(request.Manifest.TargetArch, request.InVm, cancellationToken);
        }
        catch (BibException e)
        {
            throw BibException.Wrap("cannot validate the setup", e);
        }

        foreach (var warning in warnings)
        {
            Log.Warning("{Warning}", warning);
        }

        var inContainer = await ContainerDetection.InContainerAsync(processes, cancellationToken);
        if (!inContainer)
        {
            console.Warn("WARNING: running outside a container, this is an unsupported configuration");
        }
        else
        {
            try
            {
                await containerSetup.EnsureAsync(request.StoreDirectory, request.InVm, cancellationToken);
            }
            catch (BibException e)
            {
                throw BibException.Wrap("cannot ensure the environment", e);
            }
        }

        try
        {
            Directory.CreateDirectory(request.OutputPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BibException($"cannot setup build dir: {e.Message}", e);
        }

        return inContainer;
    }

    /// <summary>Whether the outputs can keep the owners osbuild gives them; <c>--chown</c> needs it.</summary>
    public static bool CheckOwnership(BuildRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        bool canChown;
        try
        {
            canChown = Ownership.CanChownIn(request.OutputPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BibException($"cannot ensure ownership: {e.Message}", e);
        }

        if (!canChown && request.Chown is not null)
        {
            throw new BibException("chowning is not allowed in output directory");
        }

        return canChown;
    }
}
