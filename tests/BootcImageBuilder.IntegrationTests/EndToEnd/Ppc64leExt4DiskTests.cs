using BootcImageBuilder.IntegrationTests.Containers;
using BootcImageBuilder.IntegrationTests.EndToEnd.Boot;
using Xunit.Abstractions;
using static BootcImageBuilder.IntegrationTests.EndToEnd.DeployedSystem;

namespace BootcImageBuilder.IntegrationTests.EndToEnd;

/// <summary>ppc64le layout (PReP, no ESP), ext4 root, a plain <c>disk</c> customization, exported as raw and gce.</summary>
public sealed class Ppc64leExt4DiskBuild : EndToEndBuild
{
    public const string Password = "ppc-Secret-9";

    protected override string GoArch => "ppc64le";

    protected override IReadOnlyList<string> Arguments =>
        ["--target-arch", "ppc64le", "--rootfs", "ext4", "--type", "raw", "--type", "gce"];

    protected override string ConfigToml => $"""
        [[customizations.disk.partitions]]
        type = "plain"
        mountpoint = "/var/srv"
        fs_type = "ext4"
        label = "srvdata"
        minsize = "1 GiB"

        [[customizations.user]]
        name = "bob"
        password = "{Password}"
        groups = ["wheel"]

        [[customizations.directories]]
        path = "/etc/ppc-test"
        mode = "0700"
        user = "bob"

        [[customizations.files]]
        path = "/etc/ppc-test/settings.conf"
        mode = "0600"
        user = "bob"
        data = "layout=ppc64le\n"

        [customizations.kernel]
        append = "bib.ppc=1"

        """;
}

[Collection(PodmanTestGroup.Name)]
public sealed class Ppc64leExt4DiskTests(Ppc64leExt4DiskBuild build, ITestOutputHelper output) : IClassFixture<Ppc64leExt4DiskBuild>
{
    private string Raw => Path.Join(build.Output, "image", "disk.raw");

    [SkippableFact]
    public async Task The_disk_has_prep_the_custom_ext4_partition_and_an_ext4_root_without_a_boot_partition()
    {
        await build.EnsureBuiltAsync();
        await using var disk = await AttachedDisk.AttachAsync(Raw, build.Work);

        Assert.Equal([PrepBoot, LinuxFilesystem, Ppc64leRoot], disk.Partitions.Select(p => p.Type));
        Assert.Equal(4L << 20, disk.Partitions[0].SizeBytes);
        Assert.Equal(GiB, disk.Partitions[1].SizeBytes);
        Assert.Equal("ext4", await disk.FilesystemTypeAsync(2));
        Assert.Equal("srvdata", await disk.FilesystemLabelAsync(2));
        Assert.Equal("ext4", await disk.FilesystemTypeAsync(3));
        Assert.Equal("root", await disk.FilesystemLabelAsync(3));
        // With only plain partitions and no /boot asked for, the disk is sized from the image, not the 10 GiB default.
        Assert.InRange(new FileInfo(Raw).Length, GiB + disk.Partitions[2].SizeBytes, 4 * GiB);
    }

    [SkippableFact]
    public async Task The_deployment_mounts_the_custom_partition_and_has_the_user_and_files()
    {
        await build.EnsureBuiltAsync();
        await using var disk = await AttachedDisk.AttachAsync(Raw, build.Work);
        var root = await disk.MountAsync(3);
        var etc = Path.Join(EndToEndBuild.Deployment(root), "etc");

        var srv = MountUnit(etc, "var-srv.mount");
        Assert.Equal("/var/srv", srv["Where"]);
        Assert.Equal("ext4", srv["Type"]);
        var srvUuid = (await TestImages.RunCheckedAsync("blkid", "-o", "value", "-s", "UUID", disk.Partitions[1].Node)).Trim();
        Assert.Equal($"/dev/disk/by-uuid/{srvUuid}", srv["What"]);
        Assert.Equal("ext4", MountUnit(etc, "-.mount")["Type"]);
        Assert.False(File.Exists(Path.Join(etc, "systemd", "system", "boot.mount")));

        var passwd = Entry(etc, "passwd", "bob");
        Assert.StartsWith("$6$", Entry(etc, "shadow", "bob")[1], StringComparison.Ordinal);
        Assert.DoesNotContain(Ppc64leExt4DiskBuild.Password, File.ReadAllText(Path.Join(etc, "shadow")), StringComparison.Ordinal);
        Assert.Contains("bob", Entry(etc, "group", "wheel")[3].Split(','));

        var directory = Path.Join(etc, "ppc-test");
        var file = Path.Join(directory, "settings.conf");
        Assert.Equal("layout=ppc64le\n", File.ReadAllText(file));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(directory));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.Equal(passwd[2], (await TestImages.RunCheckedAsync("stat", "-c", "%u", file)).Trim());

        var options = BootEntryOptions(Path.Join(root, "boot"));
        Assert.Contains("bib.ppc=1", options);
        Assert.Contains(options, o => o.StartsWith("ostree=/ostree/boot.", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task The_gce_archive_holds_only_disk_raw_identical_to_the_raw_image()
    {
        await build.EnsureBuiltAsync();
        var archive = Path.Join(build.Output, "gce", "image.tar.gz");

        var members = (await TestImages.RunCheckedAsync("tar", "-tzf", archive)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["disk.raw"], members);
        var extracted = await build.ExtractAsync(archive, "disk.raw");
        await TestImages.RunCheckedAsync("cmp", "--quiet", Raw, extracted);
    }

    [SkippableFact]
    public async Task The_raw_disk_boots_with_the_custom_partition_mounted_and_the_configuration_live()
    {
        await using var vm = await BuiltDiskBoot.BootAsync(build, "image/disk.raw", "raw");
        await vm.LoginAsync("bob", Ppc64leExt4DiskBuild.Password);
        await BuiltDiskBoot.RecordLoginTimeAsync(output, build, vm, "raw");

        Assert.Contains("bib.ppc=1", (await vm.RunAsync("cat /proc/cmdline")).Trim().Split(' '));
        var mounts = (await vm.RunAsync("findmnt -rn -o TARGET,FSTYPE")).Split('\n');
        Assert.Contains("/ ext4", mounts);
        Assert.Contains("/var/srv ext4", mounts);
        // The partition as the disk customization asked for it: its label and exact size, read from udev and sysfs.
        var srv = (await vm.RunAsync("lsblk -rnb -o MOUNTPOINT,LABEL,SIZE")).Split('\n')
            .Single(line => line.StartsWith("/var/srv ", StringComparison.Ordinal));
        Assert.Equal($"/var/srv srvdata {GiB}", srv);
        Assert.Contains("(wheel)", await vm.RunAsync("id"), StringComparison.Ordinal);
        var modes = await vm.RunAsync("stat -c '%n %a %U' /etc/ppc-test /etc/ppc-test/settings.conf");
        Assert.Equal(
            ["/etc/ppc-test 700 bob", "/etc/ppc-test/settings.conf 600 bob"],
            modes.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("layout=ppc64le", (await vm.RunAsync("cat /etc/ppc-test/settings.conf")).Trim());
        await BuiltDiskBoot.AssertSystemUpAsync(vm);
    }

    [SkippableFact]
    public async Task The_disk_raw_inside_the_gce_archive_boots_to_a_login()
    {
        await using var vm = await BuiltDiskBoot.BootAsync(build, "gce/image.tar.gz", "gce");
        await vm.LoginAsync("bob", Ppc64leExt4DiskBuild.Password);
        await BuiltDiskBoot.RecordLoginTimeAsync(output, build, vm, "gce");

        Assert.Contains("bib.ppc=1", (await vm.RunAsync("cat /proc/cmdline")).Trim().Split(' '));
    }
}
