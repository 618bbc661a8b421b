using BootcImageBuilder.Containers;
using BootcImageBuilder.Processes;

namespace BootcImageBuilder.IntegrationTests.Containers;

[Collection(PodmanTestGroup.Name)]
public sealed class BootcInfoResolverTests
{
    private static BootcInfoResolver NewResolver(IPodman? podman = null) => new(podman ?? new Podman(new ProcessRunner()));

    private static async Task<string> BuildAsync(TestImage image)
    {
        Skip.If(TestImages.MissingToolsReason is not null, TestImages.MissingToolsReason);
        return await TestImages.EnsureBuiltAsync(image);
    }

    [SkippableTheory]
    [InlineData("amd64", "x86_64", "centos", false)]
    [InlineData("arm64", "aarch64", "centos", true)]
    [InlineData("ppc64le", "ppc64le", null, false)]
    [InlineData("s390x", "s390x", null, false)]
    public async Task A_CentOS_Stream_9_image_resolves_every_field_for_its_declared_arch(
        string goArch, string rpmArch, string? uefiVendor, bool hasAbootImg)
    {
        var imageRef = await BuildAsync(TestImages.CentOsStream9(goArch));
        var arch = Arch.Parse(goArch);

        var resolved = await NewResolver().ResolveAsync(new ContainerResolveRequest(imageRef, TargetArch: arch), CancellationToken.None);

        var info = resolved.Source;
        Assert.Equal(imageRef, info.ImageRef);
        Assert.Equal(await PodmanProbe.ImageIdAsync(imageRef), info.ImageId);
        Assert.Equal(64, info.ImageId.Length);
        Assert.Equal(arch, info.Arch);
        Assert.Equal(rpmArch, info.Arch.Name);
        Assert.Equal("xfs", info.DefaultRootFs);
        Assert.Equal(await PodmanProbe.ImageSizeAsync(imageRef), info.Size);
        Assert.Equal(new OsRelease("centos", "9", "CentOS Stream", "platform:el9", null, info.OsInfo.OsRelease.IdLike), info.OsInfo.OsRelease);
        Assert.Equal(["rhel", "fedora"], info.OsInfo.OsRelease.IdLike!);
        Assert.Equal(uefiVendor, info.OsInfo.UefiVendor);
        Assert.Equal("targeted", info.OsInfo.SelinuxPolicy);
        Assert.Equal(new KernelInfo(TestImages.CentOsKernelPrefix + rpmArch, hasAbootImg), info.OsInfo.Kernel);
        Assert.Empty(info.OsInfo.InitrdModules);
        Assert.Null(info.OsInfo.EmbeddedConfig);
        Assert.Null(info.OsInfo.DiskYaml);
        Assert.Null(info.OsInfo.IsoYaml);
        Assert.Same(info, resolved.Build);
        Assert.False(resolved.HasSeparateBuildContainer);
    }

    [SkippableTheory]
    [InlineData("amd64", false)]
    [InlineData("arm64", true)]
    public async Task A_Fedora_42_image_takes_its_root_filesystem_from_the_rootfs_override(string goArch, bool hasAbootImg)
    {
        var imageRef = await BuildAsync(TestImages.Fedora42(goArch));
        var arch = Arch.Parse(goArch);

        var resolved = await NewResolver().ResolveAsync(
            new ContainerResolveRequest(imageRef, RootFsOverride: "btrfs", TargetArch: arch), CancellationToken.None);

        var info = resolved.Source;
        Assert.Equal("btrfs", info.DefaultRootFs);
        Assert.Equal(arch, info.Arch);
        Assert.Equal(await PodmanProbe.ImageIdAsync(imageRef), info.ImageId);
        Assert.Equal(await PodmanProbe.ImageSizeAsync(imageRef), info.Size);
        // etc/os-release wins over usr/lib/os-release.
        Assert.Equal(new OsRelease("fedora", "42", "Fedora Linux", "platform:f42", "container", null), info.OsInfo.OsRelease);
        Assert.Equal("fedora", info.OsInfo.UefiVendor);
        Assert.Equal("targeted", info.OsInfo.SelinuxPolicy);
        Assert.Equal(new KernelInfo(TestImages.FedoraKernelPrefix + arch.Name, hasAbootImg), info.OsInfo.Kernel);
    }

    [SkippableFact]
    public async Task The_rootfs_override_replaces_the_image_default()
    {
        var imageRef = await BuildAsync(TestImages.CentOsStream9("amd64"));

        var resolved = await NewResolver().ResolveAsync(
            new ContainerResolveRequest(imageRef, RootFsOverride: "ext4", TargetArch: Arch.X86_64), CancellationToken.None);

        Assert.Equal("ext4", resolved.Source.DefaultRootFs);
    }

    [SkippableFact]
    public async Task An_image_without_a_default_root_filesystem_resolves_to_null_before_validation()
    {
        var imageRef = await BuildAsync(TestImages.Fedora42("amd64"));

        var info = await NewResolver().ResolveBootcInfoAsync(imageRef, readInitrdModules: false, CancellationToken.None);

        Assert.Null(info.DefaultRootFs);
    }

    [SkippableFact]
    public async Task An_image_without_a_default_root_filesystem_and_no_override_is_rejected()
    {
        var imageRef = await BuildAsync(TestImages.Fedora42("amd64"));

        var error = await Assert.ThrowsAsync<BibException>(() => NewResolver().ResolveAsync(
            new ContainerResolveRequest(imageRef, TargetArch: Arch.X86_64), CancellationToken.None));

        Assert.Equal("failed to initialize bootc distro: missing required info: DefaultRootFs", error.Message);
    }

    [SkippableFact]
    public async Task Embedded_config_and_yaml_files_are_read_raw_from_upstreams_folders_in_order()
    {
        var imageRef = await BuildAsync(TestImages.WithEmbeddedConfig);

        var info = await NewResolver().ResolveBootcInfoAsync(imageRef, readInitrdModules: false, CancellationToken.None);

        Assert.Equal(new EmbeddedFile("/usr/lib/bootc-image-builder/config.toml", TestImages.EmbeddedConfigToml), info.OsInfo.EmbeddedConfig);
        Assert.Equal(new EmbeddedFile("/usr/lib/image-builder/bootc/disk.yaml", TestImages.NewFolderDiskYaml), info.OsInfo.DiskYaml);
        Assert.Equal(new EmbeddedFile("/usr/lib/bootc-image-builder/iso.yaml", TestImages.OldFolderIsoYaml), info.OsInfo.IsoYaml);
    }

    [SkippableFact]
    public async Task Initrd_modules_are_listed_with_lsinitrd_when_asked_for()
    {
        var imageRef = await BuildAsync(TestImages.CentOsStream9("amd64"));

        var resolved = await NewResolver().ResolveAsync(
            new ContainerResolveRequest(imageRef, TargetArch: Arch.X86_64, ReadInitrdModules: true), CancellationToken.None);

        Assert.Equal(TestImages.InitrdModules, resolved.Source.OsInfo.InitrdModules);
    }

    [SkippableFact]
    public async Task Lsinitrd_is_run_only_when_asked_for_and_bootc_not_when_its_files_answer()
    {
        var imageRef = await BuildAsync(TestImages.CentOsStream9("amd64"));
        var podman = new RecordingPodman();

        await NewResolver(podman).ResolveAsync(
            new ContainerResolveRequest(imageRef, TargetArch: Arch.X86_64, ReadInitrdModules: true), CancellationToken.None);

        Assert.Equal(
            [["exec", "lsinitrd", "--mod", "--kver", TestImages.CentOsKernelPrefix + "x86_64"]],
            podman.Calls.Where(call => call[0] == "exec").Select(call => (string[])[call[0], .. call.Skip(2)]));
    }

    [SkippableFact]
    public async Task The_image_is_read_once_and_not_started_when_it_is_also_the_build_container()
    {
        var imageRef = await BuildAsync(TestImages.CentOsStream9("amd64"));
        var podman = new RecordingPodman();

        var resolved = await NewResolver(podman).ResolveAsync(
            new ContainerResolveRequest(imageRef, BuildContainerRef: imageRef, TargetArch: Arch.X86_64), CancellationToken.None);

        Assert.Equal(0, podman.CountOf("run"));
        Assert.Single(podman.Calls, call => call.SequenceEqual(["image", "mount", "--", imageRef]));
        Assert.Equal(resolved.Source.ImageId, resolved.Build.ImageId);
    }

    [SkippableFact]
    public async Task A_separate_build_container_is_never_started_and_resolved_to_its_own_id()
    {
        var imageRef = await BuildAsync(TestImages.CentOsStream9("amd64"));
        var buildRef = await BuildAsync(TestImages.Fedora42("amd64"));
        var podman = new RecordingPodman();

        var resolved = await NewResolver(podman).ResolveAsync(
            new ContainerResolveRequest(imageRef, BuildContainerRef: buildRef, TargetArch: Arch.X86_64), CancellationToken.None);

        // Its files are read from the mounted image; it is never run (nor is the image, whose files answer).
        Assert.Equal(0, podman.CountOf("run"));
        Assert.Equal(buildRef, resolved.Build.ImageRef);
        Assert.Equal(await PodmanProbe.ImageIdAsync(buildRef), resolved.Build.ImageId);
        Assert.Equal(Arch.X86_64, resolved.Build.Arch);
        Assert.True(resolved.HasSeparateBuildContainer);
        // Read as its own root: Fedora's os-release, not the CentOS image's.
        Assert.Equal(("fedora", "42"), (resolved.Build.OsInfo.OsRelease.Id, resolved.Build.OsInfo.OsRelease.VersionId));
        Assert.Equal("centos", resolved.Source.OsInfo.OsRelease.Id);
        Assert.Contains(podman.Calls, call => call.SequenceEqual(["image", "mount", "--", buildRef]));
        Assert.Contains(podman.Calls, call => call.SequenceEqual(["image", "unmount", "--", buildRef]));
        // Nothing is run inside a build container.
        Assert.DoesNotContain(podman.Calls, call => call[0] == "exec");
    }

    [SkippableFact]
    public async Task The_inspection_takes_one_image_inspect_and_one_image_mount_when_the_files_answer()
    {
        var imageRef = await BuildAsync(TestImages.CentOsStream9("amd64"));
        var podman = new RecordingPodman();

        var resolved = await NewResolver(podman).ResolveAsync(new ContainerResolveRequest(imageRef, TargetArch: Arch.X86_64), CancellationToken.None);

        IReadOnlyList<string>[] expected =
        [
            ["image", "inspect", "--format", ImageFacts.Format, "--", imageRef],
            ["image", "mount", "--", imageRef],
            ["image", "unmount", "--", imageRef],
        ];
        Assert.Equal(expected, podman.Calls);
        Assert.Equal("xfs", resolved.Source.DefaultRootFs);
    }

    [SkippableFact]
    public async Task Without_install_configuration_files_bootc_is_asked_in_one_container()
    {
        var imageRef = await BuildAsync(TestImages.Fedora42("amd64"));
        var podman = new RecordingPodman();

        await NewResolver(podman).ResolveAsync(
            new ContainerResolveRequest(imageRef, RootFsOverride: "xfs", TargetArch: Arch.X86_64), CancellationToken.None);

        var calls = podman.Calls.ToList();
        var run = calls[3];
        var containerName = run[run.ToList().IndexOf("--name") + 1];
        Assert.StartsWith("bib-inspect-", containerName, StringComparison.Ordinal);
        var containerId = calls[4][^1];
        string[] secrets = Directory.Exists("/run/secrets") ? ["--volume", "/run/secrets:/run/secrets"] : [];
        IReadOnlyList<string>[] expected =
        [
            ["image", "inspect", "--format", ImageFacts.Format, "--", imageRef],
            ["image", "mount", "--", imageRef],
            ["image", "unmount", "--", imageRef],
            ["run", "--rm", "--init", "--detach", "--net", "host", "--entrypoint", "sleep", "--name", containerName, .. secrets, "--", imageRef, "infinity"],
            ["mount", containerId],
            ["exec", containerId, "bootc", "install", "print-configuration"],
            ["rm", "--force", "--time", "0", "--ignore", containerId],
        ];
        Assert.Equal(expected, calls);
    }
}
