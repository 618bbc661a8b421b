using BootcImageBuilder.Building;
using BootcImageBuilder.Processes;

namespace BootcImageBuilder.Tests.Building;

public sealed class ContainerEnvironmentSetupTests : IDisposable
{
    private const string RootOnly = "21 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw\n";
    private const string RunOsbuildMounted = "40 21 0:50 / /run/osbuild rw - tmpfs tmpfs rw\n";
    private readonly string _mountInfo = Path.GetTempFileName();
    private readonly string _osbuild = Path.GetTempFileName();

    public void Dispose()
    {
        File.Delete(_mountInfo);
        File.Delete(_osbuild);
    }

    private string OsbuildBound => $"41 21 0:50 /osbuild {_osbuild} rw - tmpfs tmpfs rw\n";

    [Fact]
    public async Task A_fresh_container_gets_upstreams_setup_in_order()
    {
        var commands = await SetUpAsync(RootOnly, inVm: false);

        Assert.Equal(
            [
                "chcon system_u:object_r:root_t:s0 /store",
                "mkdir -p /run/osbuild",
                "mount -t tmpfs tmpfs /run/osbuild",
                $"cp -p {_osbuild} /run/osbuild/osbuild",
                "chcon system_u:object_r:install_exec_t:s0 /run/osbuild/osbuild",
                "mount -t devtmpfs devtmpfs /dev",
                $"mount --bind /run/osbuild/osbuild {_osbuild}",
            ],
            commands);
    }

    [Fact]
    public async Task In_a_vm_dev_is_left_alone_and_an_existing_tmpfs_is_reused()
    {
        var commands = await SetUpAsync(RootOnly + RunOsbuildMounted, inVm: true);

        Assert.DoesNotContain(commands, c => c.StartsWith("mount -t", StringComparison.Ordinal));
        Assert.Equal($"mount --bind /run/osbuild/osbuild {_osbuild}", commands[^1]);
    }

    [Fact]
    public async Task A_second_run_does_nothing()
    {
        Assert.Empty(await SetUpAsync(RootOnly + RunOsbuildMounted + OsbuildBound, inVm: false));
    }

    [Fact]
    public async Task A_container_without_osbuild_is_not_the_bib_container_and_is_left_alone()
    {
        File.Delete(_osbuild);

        Assert.Empty(await SetUpAsync(RootOnly, inVm: false));
    }

    [Fact]
    public async Task A_failing_step_stops_the_setup_with_its_stderr()
    {
        await File.WriteAllTextAsync(_mountInfo, RootOnly);
        var processes = new ScriptedProcesses(failing: "chcon");

        var error = await Assert.ThrowsAsync<BibException>(
            () => new ContainerEnvironmentSetup(processes, _mountInfo, _osbuild).EnsureAsync("/store", inVm: false, CancellationToken.None));

        Assert.Equal("chcon system_u:object_r:root_t:s0 /store: exit status 1, stderr:\nOperation not supported", error.Message);
        Assert.Single(processes.Commands);
    }

    private async Task<List<string>> SetUpAsync(string mountInfo, bool inVm)
    {
        await File.WriteAllTextAsync(_mountInfo, mountInfo);
        var processes = new ScriptedProcesses(failing: null);
        await new ContainerEnvironmentSetup(processes, _mountInfo, _osbuild).EnsureAsync("/store", inVm, CancellationToken.None);
        return processes.Commands;
    }

    /// <summary>Records commands instead of mounting: these steps need the bib container, which tests don't run in.</summary>
    private sealed class ScriptedProcesses(string? failing) : IProcessRunner
    {
        public List<string> Commands { get; } = [];

        public Task<ProcessResult> RunWithInputAsync(
            string program,
            IReadOnlyList<string> arguments,
            string standardInput,
            CancellationToken cancellationToken,
            long maxOutputBytes,
            IReadOnlyDictionary<string, string>? environment) =>
            RunAsync(program, arguments, cancellationToken, maxOutputBytes);

        public Task<ProcessResult> RunAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken, long maxOutputBytes)
        {
            Commands.Add($"{program} {string.Join(' ', arguments)}");
            return Task.FromResult(program == failing
                ? new ProcessResult(1, "", "Operation not supported\n")
                : new ProcessResult(0, "", ""));
        }
    }
}
