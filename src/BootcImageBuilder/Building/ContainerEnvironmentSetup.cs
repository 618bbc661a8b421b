using BootcImageBuilder.Processes;

namespace BootcImageBuilder.Building;

/// <summary>
/// Upstream's preparation inside the bib container (<c>EnsureEnvironment</c>): label the store, put a relabelled copy
/// of osbuild on a tmpfs and bind-mount it over <c>/usr/bin/osbuild</c> (so SELinux lets it run), and mount a fresh
/// devtmpfs on <c>/dev</c> so loop devices appear. Done once: a bind-mounted <c>/usr/bin/osbuild</c> means it ran.
/// Unlike upstream, a container without <c>/usr/bin/osbuild</c> is not taken for the bib container and is left alone.
/// </summary>
public sealed class ContainerEnvironmentSetup(
    IProcessRunner processes, string mountInfoPath = MountTable.DefaultPath, string osbuildPath = "/usr/bin/osbuild")
{
    private const string RunDirectory = "/run/osbuild";

    public async Task EnsureAsync(string storeDirectory, bool inVm, CancellationToken cancellationToken)
    {
        if (!File.Exists(osbuildPath) || MountTable.IsMountPoint(osbuildPath, mountInfoPath))
        {
            return;
        }

        await RunAsync("chcon", ["system_u:object_r:root_t:s0", storeDirectory], cancellationToken);
        await RunAsync("mkdir", ["-p", RunDirectory], cancellationToken);
        if (!MountTable.IsMountPoint(RunDirectory, mountInfoPath))
        {
            await RunAsync("mount", ["-t", "tmpfs", "tmpfs", RunDirectory], cancellationToken);
        }

        var copy = $"{RunDirectory}/osbuild";
        await RunAsync("cp", ["-p", osbuildPath, copy], cancellationToken);
        await RunAsync("chcon", ["system_u:object_r:install_exec_t:s0", copy], cancellationToken);
        if (!inVm)
        {
            await RunAsync("mount", ["-t", "devtmpfs", "devtmpfs", "/dev"], cancellationToken);
        }

        await RunAsync("mount", ["--bind", copy, osbuildPath], cancellationToken);
    }

    private async Task RunAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var result = await processes.RunAsync(program, arguments, cancellationToken);
        if (!result.Succeeded)
        {
            throw new BibException(
                $"{program} {string.Join(' ', arguments)}: {result.ExitStatus}{(result.Stderr.Length > 0 ? ", stderr:\n" + result.Stderr.TrimEnd() : "")}");
        }
    }
}
