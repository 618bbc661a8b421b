using BootcImageBuilder.Cli.Tests;
using BootcImageBuilder.IntegrationTests.Containers;
using BootcImageBuilder.IntegrationTests.EndToEnd.Boot;
using Xunit.Abstractions;
using static BootcImageBuilder.IntegrationTests.EndToEnd.DeployedSystem;

namespace BootcImageBuilder.IntegrationTests.EndToEnd;

/// <summary>
/// A real cross-architecture build: the Debian test image made of ppc64el's own packages (under qemu-user), built on
/// this x86_64 host with <c>--target-arch ppc64le</c>. The tool runs its ppc64le canary (scripts/build-canaries.sh),
/// osbuild's build root (the image) runs ppc64le binaries under qemu-user, and the qcow2 boots under
/// <c>qemu-system-ppc64 -machine pseries</c>.
/// </summary>
public sealed class CrossArchPpc64leBuild : EndToEndBuild
{
    public const string Password = "cross-Secret-4";

    protected override string GoArch => "ppc64le";

    internal override GuestMachine Guest => GuestMachine.Ppc64le;

    protected override Task<string> ImageAsync() => DebianBootcImage.ForeignAsync(GoArch);

    // The image's default root filesystem, ext4 (with fs-verity, as upstream makes it). xfs cannot be made here: its
    // mkfs sets the block size with an ioctl qemu-user 7.2 does not implement (BLKBSZSET).
    protected override IReadOnlyList<string> Arguments => ["--target-arch", "ppc64le", "--type", "qcow2"];

    protected override TimeSpan BuildLimit => TimeSpan.FromMinutes(40);

    protected override async Task<IReadOnlyList<string>> PathDirectoriesAsync() => [await Canaries.DirectoryAsync(Work, GoArch)];

    protected override string ConfigToml => $"""
        [[customizations.group]]
        name = "crossers"
        gid = 6161

        [[customizations.user]]
        name = "erin"
        password = "{Password}"
        groups = ["crossers", "wheel"]

        [[customizations.filesystem]]
        mountpoint = "/var/data"
        minsize = "1 GiB"

        [[customizations.files]]
        path = "/etc/cross-test.conf"
        data = "built-on=x86_64\n"

        [customizations.kernel]
        append = "bib.cross=1"

        """;
}

[Collection(PodmanTestGroup.Name)]
public sealed class CrossArchPpc64leTests(CrossArchPpc64leBuild build, ITestOutputHelper output) : IClassFixture<CrossArchPpc64leBuild>
{
    private string Qcow2 => Path.Join(build.Output, "qcow2", "disk.qcow2");

    [SkippableFact]
    public async Task The_canary_passed_and_the_build_root_ran_ppc64le_binaries()
    {
        await build.EnsureBuiltAsync();
        var log = await File.ReadAllTextAsync(Path.Join(build.Work, "build.log"));

        Assert.DoesNotContain("cannot check architecture support", log, StringComparison.Ordinal);
        // The image's bootc stand-in (a ppc64el bash) says what `uname -m` is where it runs: qemu-user's ppc64le.
        Assert.Contains("bootc stand-in (ppc64le): installing to ", log, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task The_disk_has_the_ppc64le_layout_and_a_ppc64le_system()
    {
        await build.EnsureBuiltAsync();
        var raw = await build.ToRawAsync(Qcow2, "qcow2");
        await using var disk = await AttachedDisk.AttachAsync(raw, build.Work);

        Assert.Equal(PrepBoot, disk.Partitions[0].Type);
        Assert.Equal(4L << 20, disk.Partitions[0].SizeBytes);
        // /boot, the customization's /var/data, and the root last (a layout with a filesystem customization gives
        // every partition the generic Linux type).
        Assert.Equal(4, disk.Partitions.Count);
        Assert.Equal(["boot", "root"], [await disk.FilesystemLabelAsync(2), await disk.FilesystemLabelAsync(4)]);
        Assert.Equal("ext4", await disk.FilesystemTypeAsync(4));
        var root = await disk.MountAsync(4);
        var bash = Path.Join(EndToEndBuild.Deployment(root), "usr", "bin", "bash");
        Assert.Contains("64-bit PowerPC", await TestImages.RunCheckedAsync("file", "-L", bash), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task The_qcow2_boots_under_the_ppc64le_emulator_with_the_configuration_live()
    {
        await using var vm = await BuiltDiskBoot.BootAsync(build, "qcow2/disk.qcow2", "qcow2");
        await vm.LoginAsync("erin", CrossArchPpc64leBuild.Password);
        await BuiltDiskBoot.RecordLoginTimeAsync(output, build, vm, "qcow2");

        Assert.Equal("ppc64le", (await vm.RunAsync("uname -m")).Trim());
        Assert.Contains("bib.cross=1", (await vm.RunAsync("cat /proc/cmdline")).Trim().Split(' '));
        // Logged in on pseries' hypervisor console, the machine's serial port.
        Assert.Equal("/dev/hvc0", (await vm.RunAsync("tty")).Trim());
        var mounts = (await vm.RunAsync("findmnt -rn -o TARGET,FSTYPE")).Split('\n');
        Assert.Contains("/ ext4", mounts);
        Assert.Contains("/var/data ext4", mounts);
        var id = await vm.RunAsync("id");
        Assert.Contains("6161(crossers)", id, StringComparison.Ordinal);
        Assert.Contains("(wheel)", id, StringComparison.Ordinal);
        Assert.Equal("built-on=x86_64", (await vm.RunAsync("cat /etc/cross-test.conf")).Trim());
        await BuiltDiskBoot.AssertSystemUpAsync(vm);
    }
}

/// <summary>
/// The tool's cross-architecture refusals with the real foreign image, in upstream's words, before osbuild starts: a
/// canary the host cannot run (what a host without qemu-user for the target has), and an image of another
/// architecture than the one asked for. Neither changes the host's binfmt_misc.
/// </summary>
[Collection(PodmanTestGroup.Name)]
public sealed class CrossArchRefusalTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("bib-cross-refusal-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [SkippableFact]
    public async Task A_canary_the_host_cannot_run_stops_the_build_before_osbuild()
    {
        var image = await DebianBootcImage.ForeignAsync("ppc64le");
        var canaries = await Canaries.DirectoryAsync(_work, "ppc64le");
        Canaries.MakeUnrunnable(Path.Join(canaries, "bib-canary-ppc64le"));

        var result = await BuildAsync(canaries, "--target-arch", "ppc64le", image);

        Assert.Equal(1, result.ExitCode);
        Assert.EndsWith(
            " error: cannot validate the setup: cannot run canary binary for \"ppc64le\", do you have 'qemu-user-static' installed?",
            ErrorLine(result));
        Assert.False(OsbuildStarted);
        Assert.Empty(Directory.GetFileSystemEntries(Path.Join(_work, "output")));
    }

    [SkippableFact]
    public async Task An_image_of_another_architecture_than_the_target_is_refused()
    {
        var image = await DebianBootcImage.ForeignAsync("ppc64le");

        var result = await BuildAsync(Directory.CreateDirectory(Path.Join(_work, "no-canaries")).FullName, "--target-arch", "s390x", image);

        Assert.Equal(1, result.ExitCode);
        Assert.EndsWith(
            " error: cannot build manifest: requested bootc arch \"s390x\" does not match available arches [ppc64le]", ErrorLine(result));
        Assert.False(OsbuildStarted);
    }

    /// <summary>The one error line (after its timestamp).</summary>
    private static string ErrorLine(BibResult result) =>
        Assert.Single(result.StderrLines, l => l.Contains(" error: ", StringComparison.Ordinal));

    /// <summary>Whether the build started osbuild: the tests' fake osbuild records every start.</summary>
    private bool OsbuildStarted => File.Exists(Path.Join(_work, "record", "args"));

    /// <summary>A build with <paramref name="canaries"/> and the tests' recording fake osbuild first on PATH.</summary>
    private async Task<BibResult> BuildAsync(string canaries, params string[] arguments)
    {
        var bin = Directory.CreateDirectory(Path.Join(_work, "bin")).FullName;
        File.CreateSymbolicLink(Path.Join(bin, "osbuild"), Path.Join(AppContext.BaseDirectory, "Build", "fake-osbuild"));
        var output = Directory.CreateDirectory(Path.Join(_work, "output")).FullName;
        return await BibProcess.RunAsync(
            ["build", "--output", output, "--store", Path.Join(_work, "store"), .. arguments],
            environment: new Dictionary<string, string?>
            {
                ["PATH"] = $"{bin}:{canaries}:{Environment.GetEnvironmentVariable("PATH")}",
                ["FAKE_OSBUILD_RECORD_DIR"] = Path.Join(_work, "record"),
            });
    }
}
