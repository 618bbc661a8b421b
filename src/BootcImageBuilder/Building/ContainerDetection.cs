using BootcImageBuilder.Processes;

namespace BootcImageBuilder.Building;

/// <summary>Upstream's test for running in a container: <c>systemd-detect-virt -c -q</c>; without it, assume one.</summary>
public static class ContainerDetection
{
    public static async Task<bool> InContainerAsync(IProcessRunner processes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(processes);
        var detector = ExecutableLookup.Find("systemd-detect-virt");
        return detector is null || (await processes.RunAsync(detector, ["-c", "-q"], cancellationToken)).Succeeded;
    }
}
