using BootcImageBuilder.Containers;
using BootcImageBuilder.Randomness;

namespace BootcImageBuilder.Tests.Containers;

/// <summary>The resolver's sequencing, messages and cleanup, against a scripted podman.</summary>
public sealed class BootcInfoResolverTests : IDisposable
{
    private const string ImageRef = "quay.io/example/bootc:latest";

    private readonly TempTree _tree = new TempTree()
        .File("usr/lib/os-release", "ID=centos\nVERSION_ID=9\nNAME=\"CentOS Stream\"\n")
        .File("usr/lib/modules/5.14.0/vmlinuz", "");

    private readonly FakePodman _podman;

    public BootcInfoResolverTests()
    {
        _podman = new FakePodman(_tree.Root);
        Directory.CreateDirectory(Path.Join(_tree.Root, "var/lib/containers/storage/overlay"));
    }

    public void Dispose() => _tree.Dispose();

    private BootcInfoResolver Resolver => new(_podman, _tree.Root, new SeededRandomSource(1), secretsDirectory: "/nonexistent");

    private Task<ResolvedContainers> ResolveAsync(CancellationToken cancellationToken = default) =>
        Resolver.ResolveAsync(new ContainerResolveRequest(ImageRef, TargetArch: Arch.X86_64), cancellationToken);

    [Fact]
    public async Task Without_install_configuration_files_bootc_is_asked_in_a_container_removed_last()
    {
        var resolved = await ResolveAsync();

        Assert.Equal(new BootcInfo(ImageRef, FakePodman.ImageId, Arch.X86_64, "ext4", 2127169, resolved.Source.OsInfo), resolved.Source);
        Assert.Equal(["image inspect " + ImageFacts.Format, "image mount", "image unmount", "run", "mount", "exec bootc", "rm"], _podman.Subcommands);
        Assert.Equal(["rm", "--force", "--time", "0", "--ignore", FakePodman.ContainerId], _podman.Calls[^1]);
    }

    [Fact]
    public async Task Initrd_modules_are_read_for_the_kernel_found_in_the_tree()
    {
        var info = await Resolver.ResolveBootcInfoAsync(ImageRef, readInitrdModules: true, CancellationToken.None);

        Assert.Equal(["ostree", "livenet"], info.OsInfo.InitrdModules);
        Assert.Contains(["exec", FakePodman.ContainerId, "lsinitrd", "--mod", "--kver", "5.14.0"], _podman.Calls);
    }

    [Fact]
    public async Task A_failed_start_is_reported_with_podmans_stderr_and_the_named_container_is_removed()
    {
        _podman.Answer("run", FakePodman.Fail(126, "Error: runc: exec failed\n"));

        var error = await Assert.ThrowsAsync<BibException>(() => ResolveAsync());

        Assert.Equal($"running {ImageRef} container failed: exit status 126\nstderr:\nError: runc: exec failed\n", error.Message);
        var name = ContainerName();
        Assert.Equal(["rm", "--force", "--time", "0", "--ignore", name], _podman.Calls[^1]);
    }

    [Fact]
    public async Task A_failed_mount_is_reported_and_the_container_is_stopped()
    {
        _podman.Answer("mount", FakePodman.Fail(125, "Error: no space\n"));

        var error = await Assert.ThrowsAsync<BibException>(() => ResolveAsync());

        Assert.Equal($"mounting {ImageRef} container failed: exit status 125\nstderr:\nError: no space\n", error.Message);
        Assert.Equal(["rm", "--force", "--time", "0", "--ignore", FakePodman.ContainerId], _podman.Calls[^1]);
    }

    [Fact]
    public async Task A_failed_image_inspect_says_bib_no_longer_pulls_and_starts_nothing()
    {
        _podman.Answer(FakePodman.ImageInspect, FakePodman.Fail(125, "Error: quay.io/example/bootc:latest: image not known\n"));

        var error = await Assert.ThrowsAsync<BibException>(() => ResolveAsync());

        Assert.Equal(
            "failed to inspect the image: exit status 125, stderr:\nError: quay.io/example/bootc:latest: image not known\n\n" +
            "bootc-image-builder no longer pulls images, make sure to pull it before running bootc-image-builder:\n" +
            $"    sudo podman pull {ImageRef}",
            error.Message);
        Assert.Equal(["image inspect " + ImageFacts.Format], _podman.Subcommands);
    }

    [Fact]
    public async Task A_separate_build_container_is_inspected_but_never_started()
    {
        var resolved = await Resolver.ResolveAsync(
            new ContainerResolveRequest(ImageRef, BuildContainerRef: "localhost/build:1", TargetArch: Arch.X86_64), CancellationToken.None);

        Assert.Equal(("localhost/build:1", FakePodman.ImageId, Arch.X86_64), (resolved.Build.ImageRef, resolved.Build.ImageId, resolved.Build.Arch));
        Assert.Single(_podman.Subcommands, s => s == "run");
        Assert.Contains(["image", "mount", "--", "localhost/build:1"], _podman.Calls);
        Assert.Contains(["image", "unmount", "--", "localhost/build:1"], _podman.Calls);
    }

    [Fact]
    public async Task Install_configuration_files_answer_without_starting_a_container()
    {
        _tree.File("usr/lib/bootc/install/00-base.toml", "[install.filesystem.root]\ntype = \"btrfs\"\n");

        var resolved = await ResolveAsync();

        Assert.Equal("btrfs", resolved.Source.DefaultRootFs);
        Assert.Equal(["image inspect " + ImageFacts.Format, "image mount", "image unmount"], _podman.Subcommands);
        Assert.Equal([["image", "mount", "--", ImageRef], ["image", "unmount", "--", ImageRef]], _podman.Calls.Skip(1));
    }

    [Fact]
    public async Task A_container_started_for_lsinitrd_still_takes_the_root_type_from_the_files()
    {
        _tree.File("usr/lib/bootc/install/00-base.toml", "[install]\nroot-fs-type = \"xfs\"\n");

        var resolved = await Resolver.ResolveAsync(
            new ContainerResolveRequest(ImageRef, TargetArch: Arch.X86_64, ReadInitrdModules: true), CancellationToken.None);

        Assert.Equal("xfs", resolved.Source.DefaultRootFs);
        Assert.Equal(["image inspect " + ImageFacts.Format, "run", "mount", "exec lsinitrd", "rm"], _podman.Subcommands);
    }

    [Fact]
    public async Task An_image_mount_failure_is_reported_with_podmans_stderr()
    {
        _podman.Answer("image mount", FakePodman.Fail(125, "Error: no such image\n"));

        var error = await Assert.ThrowsAsync<BibException>(() => ResolveAsync());

        Assert.Equal($"mounting image {ImageRef} failed: exit status 125\nstderr:\nError: no such image\n", error.Message);
        Assert.DoesNotContain("run", _podman.Subcommands);
    }

    [Fact]
    public async Task A_stop_failure_after_an_error_is_added_to_that_error()
    {
        _podman.Answer("exec bootc", FakePodman.Ok("""{"filesystem":{"root":{"type":"zfs"}}}"""));
        _podman.Answer("rm", FakePodman.Fail(125, "Error: stuck\n"));

        var error = await Assert.ThrowsAsync<BibException>(() => ResolveAsync());

        Assert.Equal(
            "unsupported root filesystem type: zfs, supported: ext4, xfs, btrfs\n" +
            "stopping the container failed too: removing c0ffee container failed: exit status 125\noutput:\nError: stuck\n",
            error.Message);
    }

    [Fact]
    public async Task A_stop_failure_after_success_fails_the_resolution()
    {
        _podman.Answer("rm", FakePodman.Fail(2, "Error: busy\n"));

        var error = await Assert.ThrowsAsync<BibException>(() => ResolveAsync());

        Assert.Equal("stopping the container failed: removing c0ffee container failed: exit status 2\noutput:\nError: busy\n", error.Message);
    }

    [Fact]
    public async Task An_unparsable_image_size_is_reported()
    {
        _podman.Answer(FakePodman.ImageInspect, FakePodman.Ok(FakePodman.Facts("amd64", "<no value>", "map[containers.bootc:1]")));

        var error = await Assert.ThrowsAsync<BibException>(() => ResolveAsync());

        Assert.Equal("cannot parse image size: strconv.ParseUint: parsing \"<no value>\": invalid syntax", error.Message);
    }

    [Fact]
    public async Task An_unknown_image_arch_is_reported_as_upstream_does()
    {
        _podman.Answer(FakePodman.ImageInspect, FakePodman.Ok(FakePodman.Facts("mips", "2127169", "map[containers.bootc:1]")));

        var error = await Assert.ThrowsAsync<BibException>(() => ResolveAsync());

        Assert.Equal("failed to set bootc distro architecture: unsupported architecture \"mips\"", error.Message);
        Assert.Equal(["rm", "--force", "--time", "0", "--ignore", FakePodman.ContainerId], _podman.Calls[^1]);
    }

    [Fact]
    public async Task Cancellation_during_an_exec_still_stops_and_removes_the_container()
    {
        _podman.CancelOn.Add("exec bootc");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ResolveAsync());

        Assert.Equal(["exec bootc", "rm"], _podman.Subcommands.TakeLast(2));
        Assert.Equal(["rm", "--force", "--time", "0", "--ignore", FakePodman.ContainerId], _podman.Calls[^1]);
    }

    [Fact]
    public async Task Cancellation_during_the_start_removes_the_container_by_name()
    {
        _podman.CancelOn.Add("run");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ResolveAsync());

        Assert.Equal(["rm", "--force", "--time", "0", "--ignore", ContainerName()], _podman.Calls[^1]);
    }

    [Fact]
    public async Task An_empty_os_release_id_is_missing_required_info()
    {
        File.WriteAllText(Path.Join(_tree.Root, "usr/lib/os-release"), "ID=\nVERSION_ID=\nNAME=x\n");

        var error = await Assert.ThrowsAsync<BibException>(() => ResolveAsync());

        Assert.Equal(
            "failed to initialize bootc distro: missing required info: OSInfo.OSRelease.ID, OSInfo.OSRelease.VersionID", error.Message);
    }

    [Fact]
    public async Task The_label_check_reads_the_labels_of_the_local_image()
    {
        _podman.Answer(FakePodman.ImageInspect, FakePodman.Ok(FakePodman.Facts("amd64", "2127169", "map[containers.bootc:0]")));

        var error = await Assert.ThrowsAsync<BibException>(() => ResolveAsync());

        Assert.Equal($"image {ImageRef} is not a bootc image", error.Message);
        Assert.Equal([["image", "inspect", "--format", ImageFacts.Format, "--", ImageRef]], _podman.Calls);
    }

    [Fact]
    public async Task Container_names_come_from_the_random_source()
    {
        await ResolveAsync();

        Assert.Matches("^bib-inspect-[0-9a-f]{12}$", ContainerName());
    }

    private string ContainerName()
    {
        var run = _podman.Calls.First(call => call[0] == "run").ToList();
        return run[run.IndexOf("--name") + 1];
    }
}
