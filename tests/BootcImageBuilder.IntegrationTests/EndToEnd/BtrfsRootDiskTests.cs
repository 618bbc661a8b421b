using BootcImageBuilder.IntegrationTests.Containers;
using static BootcImageBuilder.IntegrationTests.EndToEnd.DeployedSystem;

namespace BootcImageBuilder.IntegrationTests.EndToEnd;

/// <summary>ppc64le layout with a btrfs root: the <c>root</c> subvolume holds the deployment, /boot stays ext4.</summary>
public sealed class BtrfsRootDiskBuild : EndToEndBuild
{
    protected override string GoArch => "ppc64le";

    /// <summary>The output is given to a user other than root, as a non-root owner of the output directory would ask.</summary>
    public const string Owner = "4242:4343";

    protected override IReadOnlyList<string> Arguments => ["--target-arch", "ppc64le", "--rootfs", "btrfs", "--type", "raw", "--chown", Owner];

    protected override string ConfigToml => """
        [[customizations.group]]
        name = "operators"
        gid = 5151

        [customizations.kernel]
        append = "bib.btrfs=1"

        """;
}

[Collection(PodmanTestGroup.Name)]
public sealed class BtrfsRootDiskTests(BtrfsRootDiskBuild build) : IClassFixture<BtrfsRootDiskBuild>
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
            [" ", "image ", "image/disk.raw ", "manifest-raw.json "],
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
        Assert.Equal(["operators", "x", "5151", ""], Entry(etc, "group", "operators"));

        Assert.Contains("bib.btrfs=1", BootEntryOptions(await disk.MountAsync(2)));
    }
}
