using BootcImageBuilder.IntegrationTests.Containers;
using BootcImageBuilder.IntegrationTests.EndToEnd.Boot;
using Xunit.Abstractions;

namespace BootcImageBuilder.IntegrationTests.EndToEnd;

/// <summary>
/// A <c>pxe-tar-xz</c> of the PXE-capable Debian test image, for the s390x layout: the layouts with an ESP cannot be
/// built on these machines (no vfat in their kernel), so the image's stand-in bootc leaves an EFI tree on /boot for the
/// tree's <c>EFI/</c> copy (make-debian-pxe-image.sh); and s390x's rootfs.img is plain xz, which the x86_64 kernel that
/// boots here reads (ppc64le's has xz's PowerPC filter, which it cannot decode).
/// </summary>
public sealed class PxeTreeBuild : EndToEndBuild
{
    protected override string GoArch => "s390x";

    protected override IReadOnlyList<string> Arguments => ["--target-arch", "s390x", "--type", "pxe-tar-xz"];

    protected override Task<string> ImageAsync() => DebianBootcImage.PxeForArchAsync(GoArch);

    public const string Password = "pxe-Secret-9";

    protected override string ConfigToml => $"""
        [[customizations.group]]
        name = "netboot"
        gid = 6161

        [[customizations.user]]
        name = "dora"
        password = "{Password}"
        groups = ["netboot", "wheel"]

        [customizations.kernel]
        append = "bib.pxe=1"

        [[customizations.directories]]
        path = "/etc/pxe-demo"
        mode = "0751"

        [[customizations.files]]
        path = "/etc/pxe-demo/motd"
        mode = "0640"
        data = "hello from the network\n"

        """;

    public string Tree => Path.Join(Output, "bootc-pxe-tree");
}

[Collection(PodmanTestGroup.Name)]
public sealed class PxeTreeTests(PxeTreeBuild build, ITestOutputHelper output) : IClassFixture<PxeTreeBuild>
{
    [SkippableFact]
    public async Task The_tree_holds_what_its_readme_lists_with_the_deployment_named_in_grub_cfg()
    {
        await build.EnsureBuiltAsync();

        // disk.img too, as upstream's: the pipeline copies the disk in to pack rootfs.img from it, and bib exports the
        // tree, not the archive (whose paths leave it out).
        Assert.Equal(
            ["EFI", "README", "disk.img", "grub.cfg", "initrd.img", "rootfs.img", "vmlinuz"],
            Directory.GetFileSystemEntries(build.Tree).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal("hsqs"u8.ToArray(), File.ReadAllBytes(Path.Join(build.Tree, "rootfs.img"))[..4]);
        Assert.True(File.Exists(Path.Join(build.Tree, "EFI", "debian", "STAND-IN")));
        var grub = await File.ReadAllTextAsync(Path.Join(build.Tree, "grub.cfg"));
        Assert.DoesNotContain("@OSTREE@", grub, StringComparison.Ordinal);
        Assert.Matches(@"ostree=/ostree/boot\.1/default/[0-9a-f]{64}/0 ", grub);
        Assert.Contains(" bib.pxe=1", grub, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task The_tree_boots_its_rootfs_from_the_initrd_as_the_readme_says_and_the_config_is_live()
    {
        await using var vm = await BuiltDiskBoot.BootPxeTreeAsync(build, "bootc-pxe-tree");
        await vm.LoginAsync("dora", PxeTreeBuild.Password);
        await BuiltDiskBoot.RecordLoginTimeAsync(output, build, vm, "pxe");

        var cmdline = (await vm.RunAsync("cat /proc/cmdline")).Trim().Split(' ');
        Assert.Contains("bib.pxe=1", cmdline);
        Assert.Contains("root=live:/rootfs.img", cmdline);
        // The root is dracut's live root (an overlay on rootfs.img's squashfs), entered as the ostree deployment.
        Assert.Equal("squashfs", (await vm.RunAsync("findmnt -rn -o FSTYPE /run/rootfsbase")).Trim());
        Assert.Equal("overlay", (await vm.RunAsync("findmnt -rn -o FSTYPE /")).Trim());
        await vm.RunAsync("test -e /run/ostree-booted");
        var id = await vm.RunAsync("id");
        Assert.Contains("6161(netboot)", id, StringComparison.Ordinal);
        Assert.Contains("(wheel)", id, StringComparison.Ordinal);
        Assert.Equal("751 root:root\n640 root:root\n", await vm.RunAsync("stat -c '%a %U:%G' /etc/pxe-demo /etc/pxe-demo/motd"));
        await BuiltDiskBoot.AssertSystemUpAsync(vm);
    }
}
