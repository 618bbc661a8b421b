using BootcImageBuilder.IntegrationTests.Containers;
using BootcImageBuilder.IntegrationTests.EndToEnd.Boot;
using Xunit.Abstractions;
using static BootcImageBuilder.IntegrationTests.EndToEnd.DeployedSystem;

namespace BootcImageBuilder.IntegrationTests.EndToEnd;

/// <summary>s390x layout (no ESP), xfs root, a /var/data filesystem, users, groups, files, directories, kernel args.</summary>
public sealed class S390xDiskBuild : EndToEndBuild
{
    public const string Password = "s3cret-Pass";

    protected override string GoArch => "s390x";

    protected override IReadOnlyList<string> Arguments =>
        ["--target-arch", "s390x", "--rootfs", "xfs", "--type", "raw", "--type", "qcow2", "--type", "vmdk", "--type", "vhd", "--type", "ova"];

    protected override string ConfigToml => $"""
        [[customizations.user]]
        name = "alice"
        password = "{Password}"
        groups = ["wheel", "builders"]

        [[customizations.group]]
        name = "builders"
        gid = 4242

        [[customizations.filesystem]]
        mountpoint = "/var/data"
        minsize = "1 GiB"

        [[customizations.directories]]
        path = "/etc/bib-test"
        mode = "0750"
        user = "alice"
        group = "builders"

        [[customizations.files]]
        path = "/etc/bib-test/hello.conf"
        mode = "0640"
        user = "alice"
        group = "builders"
        data = "hello from the e2e test\n"

        [customizations.kernel]
        append = "bib.e2e=1 quiet"

        """;
}

[Collection(PodmanTestGroup.Name)]
public sealed class S390xDiskTests(S390xDiskBuild build, ITestOutputHelper output) : IClassFixture<S390xDiskBuild>
{
    private string Raw => Path.Join(build.Output, "image", "disk.raw");

    [SkippableFact]
    public async Task The_raw_disk_has_boot_var_data_and_root_partitions_all_xfs()
    {
        await build.EnsureBuiltAsync();
        await using var disk = await AttachedDisk.AttachAsync(Raw, build.Work);

        Assert.Equal(10 * GiB, new FileInfo(Raw).Length);
        Assert.Equal(3, disk.Partitions.Count);
        Assert.All(disk.Partitions, p => Assert.Equal(LinuxFilesystem, p.Type));
        Assert.Equal(GiB, disk.Partitions[0].SizeBytes);
        Assert.Equal(GiB, disk.Partitions[1].SizeBytes);
        Assert.InRange(disk.Partitions[2].SizeBytes, 7 * GiB, 8 * GiB);
        foreach (var partition in disk.Partitions)
        {
            Assert.Equal("xfs", await disk.FilesystemTypeAsync(partition.Number));
        }
    }

    [SkippableFact]
    public async Task The_deployment_has_the_users_groups_files_and_mount_units()
    {
        await build.EnsureBuiltAsync();
        await using var disk = await AttachedDisk.AttachAsync(Raw, build.Work);
        var etc = Path.Join(EndToEndBuild.Deployment(await disk.MountAsync(3)), "etc");

        var passwd = Entry(etc, "passwd", "alice");
        var shadow = Entry(etc, "shadow", "alice");
        Assert.StartsWith("$6$", shadow[1], StringComparison.Ordinal);
        Assert.DoesNotContain(S390xDiskBuild.Password, File.ReadAllText(Path.Join(etc, "shadow")), StringComparison.Ordinal);
        var builders = Entry(etc, "group", "builders");
        Assert.Equal(["builders", "x", "4242", "alice"], builders);
        Assert.Contains("alice", Entry(etc, "group", "wheel")[3].Split(','));

        var directory = Path.Join(etc, "bib-test");
        var file = Path.Join(directory, "hello.conf");
        Assert.Equal("hello from the e2e test\n", File.ReadAllText(file));
        Assert.Equal((UnixFileMode)Convert.ToInt32("750", 8), File.GetUnixFileMode(directory));
        Assert.Equal((UnixFileMode)Convert.ToInt32("640", 8), File.GetUnixFileMode(file));
        foreach (var path in (string[])[directory, file])
        {
            var owner = (await TestImages.RunCheckedAsync("stat", "-c", "%u:%g", path)).Trim();
            Assert.Equal($"{passwd[2]}:4242", owner);
        }

        var units = Path.Join(etc, "systemd", "system");
        Assert.Contains("Where=/var/data", File.ReadAllText(Path.Join(units, "var-data.mount")), StringComparison.Ordinal);
        Assert.Contains("Where=/boot", File.ReadAllText(Path.Join(units, "boot.mount")), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Join(units, "-.mount")));
    }

    [SkippableFact]
    public async Task The_boot_entry_carries_the_kernel_arguments()
    {
        await build.EnsureBuiltAsync();
        await using var disk = await AttachedDisk.AttachAsync(Raw, build.Work);
        var boot = await disk.MountAsync(1);

        var options = DeployedSystem.BootEntryOptions(boot);
        Assert.Contains("bib.e2e=1", options);
        Assert.Contains("quiet", options);
        Assert.Contains("console=ttyS0", options);
        Assert.Contains(options, o => o.StartsWith("ostree=/ostree/boot.", StringComparison.Ordinal));
    }

    [SkippableTheory]
    [InlineData("qcow2/disk.qcow2", "qcow2")]
    [InlineData("vmdk/disk.vmdk", "vmdk")]
    [InlineData("vpc/disk.vhd", "vpc")]
    [InlineData("archive/image.ova", "ova")]
    public async Task Every_format_holds_the_same_disk(string artifact, string format)
    {
        await build.EnsureBuiltAsync();
        var path = Path.Join(build.Output, artifact);
        var raw = format == "ova"
            ? await build.ToRawAsync(await build.ExtractAsync(path, "disk.vmdk"), "vmdk")
            : await build.ToRawAsync(path, format);
        await using var expected = await AttachedDisk.AttachAsync(Raw, build.Work);
        await using var disk = await AttachedDisk.AttachAsync(raw, build.Work);

        Assert.Equal(
            expected.Partitions.Select(p => (p.StartSectors, p.SizeSectors, p.Type)),
            disk.Partitions.Select(p => (p.StartSectors, p.SizeSectors, p.Type)));
        Assert.True(File.Exists(Path.Join(EndToEndBuild.Deployment(await disk.MountAsync(3)), "usr", "lib", "os-release")));
        if (format == "ova")
        {
            var ovf = await File.ReadAllTextAsync(await build.ExtractAsync(path, "disk.ovf"));
            Assert.Contains("disk.vmdk", ovf, StringComparison.Ordinal);
        }
    }

    [SkippableFact]
    public async Task The_qcow2_disk_boots_and_the_configuration_is_live()
    {
        await using var vm = await BootAsync("qcow2/disk.qcow2", "qcow2");
        await vm.LoginAsync("alice", S390xDiskBuild.Password);
        await RecordLoginTimeAsync(vm, "qcow2");

        var cmdline = (await vm.RunAsync("cat /proc/cmdline")).Trim().Split(' ');
        Assert.Contains("bib.e2e=1", cmdline);
        var mounts = (await vm.RunAsync("findmnt -rn -o TARGET,FSTYPE")).Split('\n');
        Assert.Contains("/ xfs", mounts);
        Assert.Contains("/boot xfs", mounts);
        Assert.Contains("/var/data xfs", mounts);
        var id = await vm.RunAsync("id");
        Assert.Contains("4242(builders)", id, StringComparison.Ordinal);
        Assert.Contains("(wheel)", id, StringComparison.Ordinal);
        var modes = await vm.RunAsync("stat -c '%n %a %U %G' /etc/bib-test /etc/bib-test/hello.conf");
        Assert.Equal(
            ["/etc/bib-test 750 alice builders", "/etc/bib-test/hello.conf 640 alice builders"],
            modes.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        await BuiltDiskBoot.AssertSystemUpAsync(vm);
    }

    [SkippableTheory]
    [InlineData("image/disk.raw", "raw")]
    [InlineData("vmdk/disk.vmdk", "vmdk")]
    [InlineData("vpc/disk.vhd", "vpc")]
    [InlineData("archive/image.ova", "ova")]
    public async Task Every_format_boots_to_a_login_with_the_kernel_arguments(string artifact, string format)
    {
        await using var vm = await BootAsync(artifact, format);
        await vm.LoginAsync("alice", S390xDiskBuild.Password);
        await RecordLoginTimeAsync(vm, format);

        Assert.Contains("bib.e2e=1", (await vm.RunAsync("cat /proc/cmdline")).Trim().Split(' '));
    }

    private Task<VirtualMachine> BootAsync(string artifact, string format) => BuiltDiskBoot.BootAsync(build, artifact, format);

    private Task RecordLoginTimeAsync(VirtualMachine vm, string format) => BuiltDiskBoot.RecordLoginTimeAsync(output, build, vm, format);
}
