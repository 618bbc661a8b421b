using BootcImageBuilder.Containers;
using BootcImageBuilder.Processes;
using Serilog;

namespace BootcImageBuilder.Building;

/// <summary>
/// Upstream's checks before a build: rootful podman, a writable <c>/sys</c> (a privileged container), and for a
/// foreign target architecture a working qemu-user (binfmt) through the <c>bib-canary-&lt;arch&gt;</c> binary.
/// </summary>
public sealed class EnvironmentChecks(IProcessRunner processes, string root = "/", string? searchPath = null)
{
    /// <summary>Returns warnings to show; throws for what makes a build impossible.</summary>
    public async Task<IReadOnlyList<string>> ValidateAsync(Arch? targetArch, bool inVm, CancellationToken cancellationToken)
    {
        if (!inVm && PodmanContainerEnv.IsRootless(Path.Combine(root, "run/.containerenv")))
        {
            throw new BibException("this command must be run in rootful (not rootless) podman");
        }

        if (!inVm && MountTable.IsReadOnly("/sys", Path.Combine(root, "proc/self/mountinfo")))
        {
            throw new BibException("this command requires a privileged container");
        }

        if (targetArch is null || targetArch == Arch.Current)
        {
            return [];
        }

        // Upstream looks the canary up by the spelling given, so "aarch64" never finds bib-canary-arm64; we use
        // the Go name the binaries carry whichever spelling was given.
        var canary = $"bib-canary-{targetArch.GoArch}";
        var path = ExecutableLookup.Find(canary, searchPath);
        if (path is null)
        {
            return [$"cannot check architecture support for {targetArch}: no {canary} found"];
        }

        // Without qemu-user for that architecture the kernel refuses to start the canary at all (exec format error).
        var answered = false;
        try
        {
            var result = await processes.RunAsync(path, [], cancellationToken);
            answered = result.Succeeded && result.Stdout == "ok\n";
        }
        catch (BibException e)
        {
            Log.Debug("The canary {Canary} did not start: {Reason}", path, e.Message);
        }

        if (!answered)
        {
            throw new BibException($"cannot run canary binary for \"{targetArch}\", do you have 'qemu-user-static' installed?");
        }

        return [];
    }
}
