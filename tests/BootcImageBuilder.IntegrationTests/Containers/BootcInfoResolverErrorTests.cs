using BootcImageBuilder.Containers;
using BootcImageBuilder.Processes;

namespace BootcImageBuilder.IntegrationTests.Containers;

[Collection(PodmanTestGroup.Name)]
public sealed class BootcInfoResolverErrorTests
{
    private static BootcInfoResolver NewResolver(string storageRoot = "/") => new(new Podman(new ProcessRunner()), storageRoot);

    private static async Task<string> BuildAsync(TestImage image)
    {
        Skip.If(TestImages.MissingToolsReason is not null, TestImages.MissingToolsReason);
        return await TestImages.EnsureBuiltAsync(image);
    }

    private static Task<BibException> ResolveFailureAsync(ContainerResolveRequest request, string storageRoot = "/") =>
        Assert.ThrowsAsync<BibException>(() => NewResolver(storageRoot).ResolveAsync(request, CancellationToken.None));

    [SkippableFact]
    public async Task An_image_that_was_not_pulled_is_reported_with_podmans_error_and_the_pull_command()
    {
        Skip.If(TestImages.MissingToolsReason is not null, TestImages.MissingToolsReason);
        const string imageRef = "localhost/bib-test-never-built:latest";
        var podmanSays = await new ProcessRunner().RunAsync(
            "podman", ["image", "inspect", imageRef, "--format", "{{.Labels}}"], CancellationToken.None);

        var error = await ResolveFailureAsync(new ContainerResolveRequest(imageRef));

        Assert.Equal(125, podmanSays.ExitCode);
        Assert.Contains("image not known", podmanSays.Stderr, StringComparison.Ordinal);
        Assert.Equal(
            $"failed to inspect the image: exit status 125, stderr:\n{podmanSays.Stderr}\n" +
            "bootc-image-builder no longer pulls images, make sure to pull it before running bootc-image-builder:\n" +
            "    sudo podman pull localhost/bib-test-never-built:latest",
            error.Message);
    }

    [SkippableFact]
    public async Task An_image_without_the_bootc_label_is_not_a_bootc_image()
    {
        var imageRef = await BuildAsync(TestImages.WithoutBootcLabel);

        var error = await ResolveFailureAsync(new ContainerResolveRequest(imageRef));

        Assert.Equal("image localhost/bib-test-no-label is not a bootc image", error.Message);
        Assert.Empty(await PodmanProbe.ContainersOfAsync(imageRef));
    }

    [SkippableFact]
    public async Task A_target_arch_other_than_the_images_is_rejected_with_the_available_arch()
    {
        var imageRef = await BuildAsync(TestImages.CentOsStream9("amd64"));

        var error = await ResolveFailureAsync(new ContainerResolveRequest(imageRef, TargetArch: Arch.Aarch64));

        Assert.Equal("requested bootc arch \"aarch64\" does not match available arches [x86_64]", error.Message);
        Assert.Empty(await PodmanProbe.ContainersOfAsync(imageRef));
    }

    [SkippableFact]
    public async Task Without_a_target_arch_the_image_must_match_the_host()
    {
        var foreign = Arch.Current == Arch.Aarch64 ? "amd64" : "arm64";
        var imageRef = await BuildAsync(TestImages.CentOsStream9(foreign));

        var error = await ResolveFailureAsync(new ContainerResolveRequest(imageRef));

        Assert.Equal(
            $"requested bootc arch \"{Arch.Current.Name}\" does not match available arches [{Arch.Parse(foreign).Name}]",
            error.Message);
    }

    [SkippableFact]
    public async Task A_build_container_of_another_arch_is_rejected()
    {
        var imageRef = await BuildAsync(TestImages.CentOsStream9("amd64"));
        var buildRef = await BuildAsync(TestImages.Fedora42("arm64"));

        var error = await ResolveFailureAsync(new ContainerResolveRequest(imageRef, BuildContainerRef: buildRef, TargetArch: Arch.X86_64));

        Assert.Equal(
            "failed to set build container for bootc distro: build container architecture \"aarch64\" does not match base container \"x86_64\"",
            error.Message);
        Assert.Empty(await PodmanProbe.ContainersOfAsync(buildRef));
    }

    [SkippableFact]
    public async Task A_missing_build_container_says_bib_no_longer_pulls()
    {
        var imageRef = await BuildAsync(TestImages.CentOsStream9("amd64"));
        const string buildRef = "localhost/bib-test-never-built-build:latest";

        var error = await ResolveFailureAsync(new ContainerResolveRequest(imageRef, BuildContainerRef: buildRef, TargetArch: Arch.X86_64));

        Assert.StartsWith("failed to inspect the image: exit status 125, stderr:\n", error.Message, StringComparison.Ordinal);
        Assert.EndsWith($"sudo podman pull {buildRef}", error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Missing_container_storage_is_reported_before_podman_is_asked()
    {
        var imageRef = await BuildAsync(TestImages.CentOsStream9("amd64"));
        var root = Directory.CreateTempSubdirectory("bib-no-storage-");
        try
        {
            var error = await ResolveFailureAsync(new ContainerResolveRequest(imageRef), root.FullName);

            Assert.Equal(
                "could not access container storage, did you forget -v /var/lib/containers/storage:/var/lib/containers/storage? " +
                $"(cannot find \"{root.FullName}/var/lib/containers/storage/overlay\" " +
                "(missing -v /var/lib/containers/storage:/var/lib/containers/storage mount?))",
                error.Message);
        }
        finally
        {
            root.Delete();
        }
    }

    [SkippableFact]
    public async Task A_failing_bootc_is_reported_with_its_output_and_the_container_is_removed()
    {
        var imageRef = await BuildAsync(TestImages.FailingBootc);

        var error = await ResolveFailureAsync(new ContainerResolveRequest(imageRef, TargetArch: Arch.X86_64));

        Assert.Equal(
            "failed to run bootc install print-configuration: exit status 1, output:\npartial output\n\n" +
            "stderr:\nerror: Installing: not in this test\n",
            error.Message);
        Assert.Empty(await PodmanProbe.ContainersOfAsync(imageRef));
    }

    [SkippableFact]
    public async Task An_unsupported_root_filesystem_type_is_rejected()
    {
        var imageRef = await BuildAsync(TestImages.VfatRootFs);

        var error = await ResolveFailureAsync(new ContainerResolveRequest(imageRef, TargetArch: Arch.X86_64));

        Assert.Equal("unsupported root filesystem type: vfat, supported: ext4, xfs, btrfs", error.Message);
        Assert.Empty(await PodmanProbe.ContainersOfAsync(imageRef));
    }

    [SkippableFact]
    public async Task An_unsupported_root_filesystem_type_is_rejected_even_with_a_rootfs_override()
    {
        var imageRef = await BuildAsync(TestImages.VfatRootFs);

        var error = await ResolveFailureAsync(new ContainerResolveRequest(imageRef, RootFsOverride: "ext4", TargetArch: Arch.X86_64));

        Assert.Equal("unsupported root filesystem type: vfat, supported: ext4, xfs, btrfs", error.Message);
    }
}
