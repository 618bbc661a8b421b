using BootcImageBuilder.Building;
using BootcImageBuilder.Processes;

namespace BootcImageBuilder.Tests.Building;

public sealed class EnvironmentChecksTests : IDisposable
{
    private const string WritableSys = "25 30 0:23 / /sys rw,nosuid,nodev,noexec,relatime shared:7 - sysfs sysfs rw\n";
    private const string ReadOnlySys = "25 30 0:23 / /sys ro,nosuid,nodev,noexec,relatime - sysfs sysfs ro\n";

    private readonly string _root = Directory.CreateTempSubdirectory("envchecks-").FullName;
    private readonly string _bin;

    public EnvironmentChecksTests()
    {
        _bin = Directory.CreateDirectory(Path.Combine(_root, "bin")).FullName;
        Write("proc/self/mountinfo", WritableSys);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private EnvironmentChecks Checks => new(new ProcessRunner(), _root, _bin);

    private static Arch Foreign => Arch.Current == Arch.X86_64 ? Arch.Aarch64 : Arch.X86_64;

    [Fact]
    public async Task A_rootful_privileged_same_arch_setup_passes_quietly()
    {
        Assert.Empty(await Checks.ValidateAsync(null, inVm: false, CancellationToken.None));
    }

    [Fact]
    public async Task Rootless_podman_is_refused()
    {
        Write("run/.containerenv", "engine=\"podman-4.3.1\"\nrootless=1\n");

        var error = await Assert.ThrowsAsync<BibException>(() => Checks.ValidateAsync(null, inVm: false, CancellationToken.None));

        Assert.Equal("this command must be run in rootful (not rootless) podman", error.Message);
    }

    [Fact]
    public async Task Rootless_is_fine_with_in_vm()
    {
        Write("run/.containerenv", "rootless=1\n");
        Write("proc/self/mountinfo", ReadOnlySys);

        Assert.Empty(await Checks.ValidateAsync(null, inVm: true, CancellationToken.None));
    }

    [Fact]
    public async Task A_read_only_sys_means_an_unprivileged_container()
    {
        Write("proc/self/mountinfo", ReadOnlySys);

        var error = await Assert.ThrowsAsync<BibException>(() => Checks.ValidateAsync(null, inVm: false, CancellationToken.None));

        Assert.Equal("this command requires a privileged container", error.Message);
    }

    [Fact]
    public async Task A_missing_canary_only_warns()
    {
        var warnings = await Checks.ValidateAsync(Foreign, inVm: false, CancellationToken.None);

        Assert.Equal([$"cannot check architecture support for {Foreign}: no bib-canary-{Foreign.GoArch} found"], warnings);
    }

    [Fact]
    public async Task A_canary_that_answers_ok_passes()
    {
        Canary("#!/bin/sh\necho ok\n");

        Assert.Empty(await Checks.ValidateAsync(Foreign, inVm: false, CancellationToken.None));
    }

    [Fact]
    public async Task A_canary_that_cannot_run_is_refused_with_upstreams_hint()
    {
        Canary("#!/bin/sh\nexit 126\n");

        var error = await Assert.ThrowsAsync<BibException>(() => Checks.ValidateAsync(Foreign, inVm: false, CancellationToken.None));

        Assert.Equal($"cannot run canary binary for \"{Foreign}\", do you have 'qemu-user-static' installed?", error.Message);
    }

    [Fact]
    public async Task A_canary_the_kernel_cannot_execute_is_refused_with_upstreams_hint()
    {
        // What a foreign canary is to a host without qemu-user for it: an ELF executable of a machine (IA-64 here,
        // which no qemu-user emulates) the kernel refuses with "exec format error".
        var elf = new byte[64];
        "\x7fELF"u8.CopyTo(elf);
        elf[4] = 2; // 64-bit
        elf[5] = 1; // little-endian
        elf[6] = 1; // ELF version
        elf[16] = 2; // ET_EXEC
        elf[18] = 50; // EM_IA_64
        elf[20] = 1; // e_version
        elf[52] = 64; // e_ehsize
        var path = Path.Combine(_bin, $"bib-canary-{Foreign.GoArch}");
        File.WriteAllBytes(path, elf);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var error = await Assert.ThrowsAsync<BibException>(() => Checks.ValidateAsync(Foreign, inVm: false, CancellationToken.None));

        Assert.Equal($"cannot run canary binary for \"{Foreign}\", do you have 'qemu-user-static' installed?", error.Message);
    }

    [Fact]
    public void The_last_mount_on_a_point_decides()
    {
        Write("mountinfo", ReadOnlySys + WritableSys);

        Assert.False(MountTable.IsReadOnly("/sys", Path.Combine(_root, "mountinfo")));
    }

    private void Canary(string script)
    {
        var path = Path.Combine(_bin, $"bib-canary-{Foreign.GoArch}");
        File.WriteAllText(path, script);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
