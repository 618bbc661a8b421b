using System.Text.Json.Nodes;
using BootcImageBuilder.Cli.Tests;
using BootcImageBuilder.IntegrationTests.Containers;
using BootcImageBuilder.Tests.Osbuild;
using BootcImageBuilder.Tests.Osbuild.Schema;

namespace BootcImageBuilder.IntegrationTests.Cli;

/// <summary><c>bootc-image-builder manifest</c> end to end: real podman, images built here, osbuild's schemas.</summary>
[Collection(PodmanTestGroup.Name)]
public class ManifestCommandTests
{
    public static TheoryData<string, string> Arches => new()
    {
        { "amd64", "x86_64" },
        { "arm64", "aarch64" },
        { "ppc64le", "ppc64le" },
        { "s390x", "s390x" },
        { "riscv64", "riscv64" },
    };

    [SkippableTheory]
    [MemberData(nameof(Arches))]
    public async Task Manifest_for_each_arch_validates_and_holds_every_disk_pipeline(string goArch, string arch)
    {
        Skip.If(TestImages.MissingToolsReason is not null, TestImages.MissingToolsReason);
        var image = await TestImages.EnsureBuiltAsync(TestImages.CentOsStream9(goArch));

        var result = await BibProcess.RunAsync(["manifest", "--target-arch", arch, image]);

        Assert.True(result.ExitCode == 0, result.Stderr);
        OsbuildSchema.AssertValid(result.Stdout);
        var manifest = JsonNode.Parse(result.Stdout)!;
        Assert.Equal(
            ["build", "image", "qcow2", "vmdk", "vpc", "ovf", "archive", "gce"],
            manifest["pipelines"]!.AsArray().Select(p => (string)p!["name"]!));
        var imageId = await PodmanProbe.ImageIdAsync(image);
        Assert.NotNull(manifest["sources"]!["org.osbuild.containers-storage"]!["items"]![$"sha256:{imageId}"]);
        Assert.Empty(await PodmanProbe.ContainersOfAsync(image));
    }

    /// <summary>Upstream's test_manifest.py::test_ova_manifest_smoke: every file is named after the ova's base name.</summary>
    [SkippableFact]
    public async Task An_ova_manifest_archives_image_ovf_mf_and_vmdk_made_from_image_raw()
    {
        Skip.If(TestImages.MissingToolsReason is not null, TestImages.MissingToolsReason);
        var image = await TestImages.EnsureBuiltAsync(TestImages.CentOsStream9("amd64"));

        var result = await BibProcess.RunAsync(["manifest", "--type", "ova", "--target-arch", "x86_64", image]);

        Assert.True(result.ExitCode == 0, result.Stderr);
        OsbuildSchema.AssertValid(result.Stdout);
        var pipelines = JsonNode.Parse(result.Stdout)!["pipelines"]!.AsArray();
        JsonNode StageOf(string pipeline, string type) =>
            pipelines.Single(p => (string)p!["name"]! == pipeline)!["stages"]!.AsArray().Single(s => (string)s!["type"]! == type)!;
        Assert.Equal(
            """{"filename":"image.ova","format":"ustar","paths":["image.ovf","image.mf","image.vmdk"]}""",
            StageOf("archive", "org.osbuild.tar")["options"]!.ToJsonString());
        Assert.Equal("image.vmdk", (string)StageOf("vmdk", "org.osbuild.qemu")["options"]!["filename"]!);
        Assert.Equal("image.raw", (string)StageOf("vmdk", "org.osbuild.qemu")["inputs"]!["image"]!["references"]!["name:image"]!["file"]!);
        Assert.Equal("image.raw", (string)StageOf("image", "org.osbuild.truncate")["options"]!["filename"]!);
    }

    [SkippableTheory]
    [InlineData("amd64", "x86_64")]
    [InlineData("arm64", "aarch64")]
    public async Task The_disk_layout_matches_upstreams_golden_manifest(string goArch, string arch)
    {
        Skip.If(TestImages.MissingToolsReason is not null, TestImages.MissingToolsReason);
        var goldenPath = SharedReferenceFiles.ReferenceManifest($"bootc-bib-testdata/centos-bootc-stream9-{arch}-disk.json");
        Skip.If(goldenPath is null, "../shared/reference-manifests is not present next to this checkout");
        var golden = await File.ReadAllTextAsync(goldenPath);
        var image = await TestImages.EnsureBuiltAsync(TestImages.CentOsStream9(goArch));

        var result = await BibProcess.RunAsync(["manifest", "--target-arch", arch, image]);

        // A small image gets upstream's 10 GiB default, exactly as the golden (a larger centos-bootc image) did.
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(Layout(golden), Layout(result.Stdout));
        // Every stage, once the golden is moved to the era this tool targets (one relabel each for /etc and /var).
        var goldenNow = BootcImageBuilder.Tests.Images.ReferenceToV0251Shape.Apply((JsonObject)JsonNode.Parse(golden)!).ToJsonString();
        Assert.Equal(StagesOf(goldenNow).Select(s => (string)s["type"]!), StagesOf(result.Stdout).Select(s => (string)s["type"]!));
        Assert.Equal(
            StagesOf(goldenNow).Where(IsSelinux).Select(s => s["options"]!.ToJsonString()),
            StagesOf(result.Stdout).Where(IsSelinux).Select(s => s["options"]!.ToJsonString()));
    }

    [SkippableFact]
    public async Task A_forbidden_mountpoint_is_upstreams_error_with_exit_1()
    {
        Skip.If(TestImages.MissingToolsReason is not null, TestImages.MissingToolsReason);
        var image = await TestImages.EnsureBuiltAsync(TestImages.CentOsStream9("amd64"));
        const string config = """{"customizations": {"filesystem": [{"mountpoint": "/ostree", "minsize": "1 GiB"}]}}""";

        var result = await BibProcess.RunAsync(["manifest", "--config", "-", "--target-arch", "x86_64", image], stdin: config);

        Assert.Equal(
            "cannot generate manifest: the following errors occurred while validating custom mountpoints:\npath \"/ostree\" is not allowed",
            result.ErrorMessage());
        Assert.Equal(string.Empty, result.Stdout);
        Assert.Empty(await PodmanProbe.ContainersOfAsync(image));
    }

    [SkippableFact]
    public async Task Manifest_is_compact_json_on_one_line()
    {
        Skip.If(TestImages.MissingToolsReason is not null, TestImages.MissingToolsReason);
        var image = await TestImages.EnsureBuiltAsync(TestImages.CentOsStream9(Arch.Current.GoArch));

        var result = await BibProcess.RunAsync(["manifest", image]);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.EndsWith("}\n", result.Stdout, StringComparison.Ordinal);
        Assert.Single(result.Stdout.TrimEnd('\n').Split('\n'));
        Assert.Equal(string.Empty, result.Stderr);
    }

    [SkippableFact]
    public async Task A_test_seed_makes_manifests_byte_identical()
    {
        Skip.If(TestImages.MissingToolsReason is not null, TestImages.MissingToolsReason);
        var image = await TestImages.EnsureBuiltAsync(TestImages.CentOsStream9(Arch.Current.GoArch));
        var seeded = new Dictionary<string, string?> { ["OSBUILD_TESTING_RNG_SEED"] = "0" };
        const string config = """{"customizations": {"user": [{"name": "alice", "password": "pw"}]}}""";

        var first = await BibProcess.RunAsync(["manifest", "--config", "-", image], stdin: config, environment: seeded);
        var second = await BibProcess.RunAsync(["manifest", "--config", "-", image], stdin: config, environment: seeded);

        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.Equal(first.Stdout, second.Stdout);
        Assert.Equal("TEST MODE: using rng seed 0\n", first.Stderr);
    }

    [SkippableFact]
    public async Task The_image_default_root_filesystem_is_used()
    {
        Skip.If(TestImages.MissingToolsReason is not null, TestImages.MissingToolsReason);
        var image = await TestImages.EnsureBuiltAsync(TestImages.CentOsStream9("amd64"));

        var stages = await ImageStagesAsync(["manifest", "--target-arch", "x86_64", image]);

        Assert.Contains("org.osbuild.mkfs.xfs", stages);
        Assert.DoesNotContain("org.osbuild.mkfs.btrfs", stages);
    }

    [SkippableFact]
    public async Task Rootfs_flag_overrides_the_image_default()
    {
        Skip.If(TestImages.MissingToolsReason is not null, TestImages.MissingToolsReason);
        var image = await TestImages.EnsureBuiltAsync(TestImages.CentOsStream9("amd64"));

        var stages = await ImageStagesAsync(["--rootfs=btrfs", "manifest", "--target-arch", "x86_64", image]);

        Assert.Contains("org.osbuild.mkfs.btrfs", stages);
        Assert.Contains("org.osbuild.btrfs.subvol", stages);
    }

    [SkippableFact]
    public async Task An_image_without_a_default_root_filesystem_needs_the_flag()
    {
        Skip.If(TestImages.MissingToolsReason is not null, TestImages.MissingToolsReason);
        var image = await TestImages.EnsureBuiltAsync(TestImages.Fedora42("amd64"));

        var result = await BibProcess.RunAsync(["manifest", "--target-arch", "x86_64", image]);

        Assert.StartsWith("cannot generate manifest: ", result.SingleErrorLine(), StringComparison.Ordinal);
        Assert.Contains("DefaultRootFs", result.Stderr, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task The_config_users_end_up_hashed_in_the_users_stage()
    {
        Skip.If(TestImages.MissingToolsReason is not null, TestImages.MissingToolsReason);
        var image = await TestImages.EnsureBuiltAsync(TestImages.CentOsStream9("amd64"));
        const string config = """{"customizations": {"user": [{"name": "alice", "password": "s3cret-pw", "groups": ["wheel"]}]}}""";

        var result = await BibProcess.RunAsync(["manifest", "--config", "-", "--target-arch", "x86_64", image], stdin: config);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.DoesNotContain("s3cret-pw", result.Stdout, StringComparison.Ordinal);
        var users = StagesOf(result.Stdout).Single(s => (string)s["type"]! == "org.osbuild.users");
        Assert.StartsWith("$6$", (string)users["options"]!["users"]!["alice"]!["password"]!, StringComparison.Ordinal);
        OsbuildSchema.AssertValid(result.Stdout);
    }

    [SkippableFact]
    public async Task The_embedded_config_shapes_the_disk_when_the_user_gives_none()
    {
        Skip.If(TestImages.MissingToolsReason is not null, TestImages.MissingToolsReason);
        var image = await TestImages.EnsureBuiltAsync(TestImages.WithEmbeddedFilesystemConfig);

        var result = await BibProcess.RunAsync(["manifest", "--target-arch", "x86_64", image]);

        Assert.True(result.ExitCode == 0, result.Stderr);
        OsbuildSchema.AssertValid(result.Stdout);
        Assert.Contains(SfdiskSizes(result.Stdout), size => size == 3L * 1024 * 1024 * 1024 / 512);
    }

    [SkippableFact]
    public async Task A_user_config_replaces_the_embedded_one()
    {
        Skip.If(TestImages.MissingToolsReason is not null, TestImages.MissingToolsReason);
        var image = await TestImages.EnsureBuiltAsync(TestImages.WithEmbeddedFilesystemConfig);
        const string config = """{"customizations": {"filesystem": [{"mountpoint": "/var/log", "minsize": "2 GiB"}]}}""";

        var result = await BibProcess.RunAsync(["manifest", "--config", "-", "--target-arch", "x86_64", image], stdin: config);

        Assert.True(result.ExitCode == 0, result.Stderr);
        var sizes = SfdiskSizes(result.Stdout);
        Assert.Contains(sizes, size => size == 2L * 1024 * 1024 * 1024 / 512);
        Assert.DoesNotContain(sizes, size => size == 3L * 1024 * 1024 * 1024 / 512);
    }

    [SkippableFact]
    public async Task A_missing_image_tells_the_user_to_pull_it()
    {
        Skip.If(TestImages.MissingToolsReason is not null, TestImages.MissingToolsReason);

        var result = await BibProcess.RunAsync(["manifest", "localhost/bib-test-no-such-image:latest"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error: cannot generate manifest: failed to inspect the image: ", result.Stderr, StringComparison.Ordinal);
        Assert.EndsWith(
            "bootc-image-builder no longer pulls images, make sure to pull it before running bootc-image-builder:\n    sudo podman pull localhost/bib-test-no-such-image:latest\n",
            result.Stderr,
            StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_non_bootc_image_is_refused()
    {
        Skip.If(TestImages.MissingToolsReason is not null, TestImages.MissingToolsReason);
        var image = await TestImages.EnsureBuiltAsync(TestImages.WithoutBootcLabel);

        var result = await BibProcess.RunAsync(["manifest", image]);

        Assert.Equal($"cannot generate manifest: image {image} is not a bootc image", result.SingleErrorLine());
    }

    [SkippableFact]
    public async Task A_foreign_image_without_target_arch_is_an_arch_mismatch()
    {
        Skip.If(TestImages.MissingToolsReason is not null, TestImages.MissingToolsReason);
        var foreign = Arch.Current == Arch.S390x ? "ppc64le" : "s390x";
        var image = await TestImages.EnsureBuiltAsync(TestImages.CentOsStream9(foreign));

        var result = await BibProcess.RunAsync(["manifest", image]);

        Assert.Equal(
            $"cannot generate manifest: requested bootc arch \"{Arch.Current}\" does not match available arches [{foreign}]",
            result.SingleErrorLine());
        Assert.Empty(await PodmanProbe.ContainersOfAsync(image));
    }

    [SkippableTheory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task A_signal_during_inspection_leaves_no_container(string signal)
    {
        Skip.If(TestImages.MissingToolsReason is not null, TestImages.MissingToolsReason);
        var image = await TestImages.EnsureBuiltAsync(TestImages.SlowBootc);

        var result = await BibProcess.RunAsync(["manifest", image], whileRunning: async process =>
        {
            await BibProcess.AssertTakesSigIntAsync(process.Id);
            // The slow bootc stand-in sleeps inside the inspection container; interrupt once it is there.
            for (var i = 0; i < 300 && (await PodmanProbe.ContainersOfAsync(image)).Count == 0; i++)
            {
                await Task.Delay(100);
            }

            await Task.Delay(1500);
            await TestImages.RunCheckedAsync("kill", $"-{signal}", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        });

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(" error: ", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(await PodmanProbe.ContainersOfAsync(image));
    }

    private static async Task<List<string>> ImageStagesAsync(string[] args)
    {
        var result = await BibProcess.RunAsync(args);
        Assert.True(result.ExitCode == 0, result.Stderr);
        return StagesOf(result.Stdout).Select(s => (string)s["type"]!).ToList();
    }

    /// <summary>The disk size and every partition's start, size and type: what must equal upstream to the sector.</summary>
    private static List<string> Layout(string manifest)
    {
        var stages = StagesOf(manifest).ToList();
        var size = (string)stages.Single(s => (string)s["type"]! == "org.osbuild.truncate")["options"]!["size"]!;
        var partitions = stages.Single(s => (string)s["type"]! == "org.osbuild.sfdisk")["options"]!["partitions"]!.AsArray()
            .Select(p => $"{(long)p!["start"]!} {(long)p["size"]!} {(string)p["type"]!} {(bool?)p["bootable"] ?? false}");
        return [$"size {size}", .. partitions];
    }

    private static List<long> SfdiskSizes(string manifest) =>
        StagesOf(manifest).Single(s => (string)s["type"]! == "org.osbuild.sfdisk")["options"]!["partitions"]!.AsArray()
            .Select(p => (long)p!["size"]!).ToList();

    private static bool IsSelinux(JsonNode stage) => (string)stage["type"]! == "org.osbuild.selinux";

    private static IEnumerable<JsonNode> StagesOf(string manifest) =>
        JsonNode.Parse(manifest)!["pipelines"]!.AsArray()
            .Single(p => (string)p!["name"]! == "image")!["stages"]!.AsArray()
            .Select(s => s!);
}
