using BootcImageBuilder.IntegrationTests.Containers;
using BootcImageBuilder.IntegrationTests.EndToEnd.Boot;
using Xunit.Abstractions;
using static BootcImageBuilder.IntegrationTests.EndToEnd.DeployedSystem;

namespace BootcImageBuilder.IntegrationTests.EndToEnd;

/// <summary>
/// ppc64le layout with a btrfs root: the <c>root</c> subvolume holds the deployment, /boot stays ext4. Built as an
/// <c>ami</c>, so the ami's disk.raw is the one that boots here (the other end-to-end builds boot a <c>raw</c>).
/// </summary>
public sealed class BtrfsRootDiskBuild : EndToEndBuild
{
    protected override string GoArch => "ppc64le";

    /// <summary>The output is given to a user other than root, as a non-root owner of the output directory would ask.</summary>
    public const string Owner = "4242:4343";

    protected override IReadOnlyList<string> Arguments => ["--target-arch", "ppc64le", "--rootfs", "btrfs", "--type", "ami", "--chown", Owner];

    public const string Password = "btrfs-Secret-7";

    protected override string ConfigToml => $"""
        [[customizations.group]]
        name = "operators"
        gid = 5151

        [[customizations.user]]
        name = "carol"
        password = "{Password}"
        groups = ["operators"]

        [customizations.kernel]
        append = "bib.btrfs=1"

        """;
}

[Collection(PodmanTestGroup.Name)]
public sealed class BtrfsRootDiskTests(BtrfsRootDiskBuild build, ITestOutputHelper output) : IClassFixture<BtrfsRootDiskBuild>
{
    private string Raw => Path.Join(build.Output, "image", "disk.raw");

    [SkippableFact]
    public async Task The_root_partition_is_btrfs_and_boot_is_ext4()
    {
        await build.EnsureBuiltAsync();
        await using var disk = await AttachedDisk.AttachAsync(Raw, build.Work);

        Assert.Equal(10 * GiB, new FileInfo(Raw).Length);
        Assert.Equal([PrepBoot, LinuxFilesystem, Ppc64leRoot], disk.Partitions.Select(p => p.Type));
        Assert.Equal(GiB, disk.Partitions[1].SizeBytes);
        Assert.Equal("ext4", await disk.FilesystemTypeAsync(2));
        Assert.Equal("btrfs", await disk.FilesystemTypeAsync(3));
    }

    [SkippableFact]
    public async Task Chown_gives_the_whole_output_tree_to_the_owner()
    {
        await build.EnsureBuiltAsync();

        var tree = (await TestImages.RunCheckedAsync("find", build.Output, "-printf", "%P %U:%G\n")).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(
            [" ", "image ", "image/disk.raw ", "manifest-ami.json "],
            tree.Select(line => line[..(line.LastIndexOf(' ') + 1)]).Order(StringComparer.Ordinal));
        Assert.All(tree, line => Assert.EndsWith(" " + BtrfsRootDiskBuild.Owner, line, StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task The_deployment_lives_in_the_root_subvolume_and_mounts_it_with_compression()
    {
        await build.EnsureBuiltAsync();
        await using var disk = await AttachedDisk.AttachAsync(Raw, build.Work);
        var top = await disk.MountAsync(3);

        var subvolumes = await TestImages.RunCheckedAsync("btrfs", "subvolume", "list", top);
        Assert.Equal("root", Assert.Single(subvolumes.Split('\n', StringSplitOptions.RemoveEmptyEntries)).Split(' ')[^1]);
        var etc = Path.Join(EndToEndBuild.Deployment(Path.Join(top, "root")), "etc");

        var rootUnit = MountUnit(etc, "-.mount");
        Assert.Equal("btrfs", rootUnit["Type"]);
        Assert.Contains("subvol=root", rootUnit["Options"].Split(','));
        Assert.Contains("compress=zstd:1", rootUnit["Options"].Split(','));
        Assert.Equal("/boot", MountUnit(etc, "boot.mount")["Where"]);
        Assert.Equal(["operators", "x", "5151", "carol"], Entry(etc, "group", "operators"));

        Assert.Contains("bib.btrfs=1", BootEntryOptions(await disk.MountAsync(2)));
    }

    [SkippableFact]
    public async Task An_identical_rebuild_into_the_named_store_takes_the_disk_from_it_and_the_first_build_kept_no_build_root()
    {
        var log = await build.RebuildAsync("rebuild");

        Assert.Equal(File.ReadAllText(Path.Join(build.Output, "manifest-ami.json")), File.ReadAllText(Path.Join(build.Work, "rebuild", "manifest-ami.json")));
        var reused = log.Split('\n').Where(l => l.StartsWith("Reused from the osbuild store: ", StringComparison.Ordinal)).ToList();
        Assert.True(reused.Count == 1, log);
        // The ami exports the disk: found in the store, osbuild needs nothing behind it (the build root).
        Assert.Equal("Reused from the osbuild store: image", reused[0]);
        Assert.Equal(new FileInfo(Raw).Length, new FileInfo(Path.Join(build.Work, "rebuild", "image", "disk.raw")).Length);
        // The image's first build into the store kept the disk only (osbuild's store holds each kept tree as
        // objects/ID, ID the pipeline's 64-hex id).
        Assert.Single(Directory.GetDirectories(Path.Join(build.Work, "store", "objects")), d => System.Text.RegularExpressions.Regex.IsMatch(Path.GetFileName(d), "^[0-9a-f]{64}$"));
    }

    [SkippableFact]
    public async Task The_disk_boots_from_the_root_subvolume_with_the_group_asked_for()
    {
        await using var vm = await BuiltDiskBoot.BootAsync(build, "image/disk.raw", "raw");
        await vm.LoginAsync("carol", BtrfsRootDiskBuild.Password);
        await BuiltDiskBoot.RecordLoginTimeAsync(output, build, vm, "ami");

        Assert.Contains("bib.btrfs=1", (await vm.RunAsync("cat /proc/cmdline")).Trim().Split(' '));
        var root = (await vm.RunAsync("findmnt -rn -o FSTYPE,OPTIONS /")).Trim().Split(' ');
        Assert.Equal("btrfs", root[0]);
        Assert.Contains("subvol=/root", root[1].Split(','));
        Assert.Equal("ext4", (await vm.RunAsync("findmnt -rn -o FSTYPE /boot")).Trim());
        Assert.Contains("5151(operators)", await vm.RunAsync("id"), StringComparison.Ordinal);
        await BuiltDiskBoot.AssertSystemUpAsync(vm);
    }
}
