using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using BootcImageBuilder.Blueprint;
using BootcImageBuilder.Containers;
using BootcImageBuilder.Distro;
using BootcImageBuilder.Images;
using BootcImageBuilder.Images.Kinds;
using BootcImageBuilder.Images.Kinds.Pxe;
using BootcImageBuilder.Images.Pipelines.Pxe;
using BootcImageBuilder.Osbuild;
using BootcImageBuilder.Randomness;

namespace BootcImageBuilder.Tests.Images;

/// <summary>The pxe-tar-xz manifest against what images v0.251.0 builds for the bootc PXE type.</summary>
public class BootcPxeImageTests
{
    private static readonly string[] InstallStages =
    [
        "org.osbuild.truncate", "org.osbuild.sfdisk", "org.osbuild.mkfs.fat", "org.osbuild.mkfs.xfs", "org.osbuild.mkfs.xfs",
        "org.osbuild.bootc.install-to-filesystem",
    ];

    private static readonly string[] LiveBootAndRelabel = ["org.osbuild.mkdir", "org.osbuild.chmod", "org.osbuild.selinux", "org.osbuild.selinux"];

    /// <summary>Leaves <c>+</c> as is, as Go (and the manifest writer) does.</summary>
    private static readonly JsonSerializerOptions GoLikeEscaping = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static JsonObject Generate(BootcPxeImageInput request, int seed = 1) =>
        (JsonObject)JsonNode.Parse(ManifestJson.ToCompactString(BootcPxeImage.Generate(request, new SeededRandomSource(seed))))!;

    private static JsonObject Pipeline(JsonObject manifest, string name) =>
        (JsonObject)manifest["pipelines"]!.AsArray().Single(p => (string?)p!["name"] == name)!;

    private static List<JsonObject> Stages(JsonObject manifest, string pipeline) =>
        [.. Pipeline(manifest, pipeline)["stages"]!.AsArray().Select(s => (JsonObject)s!)];

    private static List<string> StageTypes(JsonObject manifest, string pipeline) =>
        [.. Stages(manifest, pipeline).Select(s => (string)s["type"]!)];

    private static List<string> MountNames(JsonObject stage) =>
        [.. stage["mounts"]!.AsArray().Select(m => (string)m!["name"]!)];

    private static JsonObject TreeStage(JsonObject manifest, int index) => Stages(manifest, "bootc-pxe-tree")[index];

    [Fact]
    public void The_pipelines_are_upstreams_in_order()
    {
        var manifest = Generate(PxeImageSamples.Request(Arch.X86_64));

        Assert.Equal(
            ["build", "image", "bootc-pxe-tree", "tar", "xz"],
            manifest["pipelines"]!.AsArray().Select(p => (string)p!["name"]!));
        Assert.Equal(
            [null, "name:build", "name:build", "name:build", "name:build"],
            manifest["pipelines"]!.AsArray().Select(p => (string?)p!["build"]));
    }

    [Fact]
    public void A_separate_build_container_adds_the_target_pipeline_first()
    {
        var request = PxeImageSamples.Request(Arch.X86_64) with
        {
            BuildSource = DiskImageSamples.Container(Arch.X86_64) with { ImageRef = "localhost/builder:latest", ImageId = "ab12" },
        };

        var manifest = Generate(request);

        Assert.Equal(
            ["target", "build", "image", "bootc-pxe-tree", "tar", "xz"],
            manifest["pipelines"]!.AsArray().Select(p => (string)p!["name"]!));
    }

    [Fact]
    public void Without_customizations_each_pipeline_has_upstreams_stages()
    {
        var manifest = Generate(PxeImageSamples.Request(Arch.X86_64));

        Assert.Equal(["org.osbuild.container-deploy", "org.osbuild.selinux"], StageTypes(manifest, "build"));
        Assert.Equal([.. InstallStages, .. LiveBootAndRelabel], StageTypes(manifest, "image"));
        Assert.Equal(
            [
                "org.osbuild.copy", "org.osbuild.squashfs", "org.osbuild.copy", "org.osbuild.copy", "org.osbuild.copy",
                "org.osbuild.copy", "org.osbuild.ostree.grub2", "org.osbuild.chmod",
            ],
            StageTypes(manifest, "bootc-pxe-tree"));
        Assert.Equal(["org.osbuild.tar"], StageTypes(manifest, "tar"));
        Assert.Equal(["org.osbuild.xz"], StageTypes(manifest, "xz"));
    }

    [Fact]
    public void Supported_customizations_land_on_the_deployment_between_install_and_relabel()
    {
        var manifest = Generate(PxeImageSamples.Request(Arch.X86_64, PxeImageSamples.Supported));

        Assert.Equal(
            [
                .. InstallStages,
                "org.osbuild.groups", "org.osbuild.mkdir", "org.osbuild.users",
                "org.osbuild.mkdir", "org.osbuild.chmod",
                "org.osbuild.mkdir", "org.osbuild.chmod",
                "org.osbuild.copy",
                "org.osbuild.selinux", "org.osbuild.selinux",
            ],
            StageTypes(manifest, "image"));
        var image = Stages(manifest, "image");
        Assert.Equal("""{"groups":{"devs":{"gid":2000}},"force":true}""", image[6]["options"]!.ToJsonString());
        Assert.Equal(["alice"], image[8]["options"]!["users"]!.AsObject().Select(u => u.Key));
        Assert.Equal("""{"paths":[{"path":"/etc/myapp"}]}""", image[11]["options"]!.ToJsonString());
        Assert.Equal("tree:///etc/myapp/config.ini", (string)image[13]["options"]!["paths"]![0]!["to"]!);
        Assert.All(image.Skip(6), stage => Assert.Contains("bind-ostree-deployment-to-tree", MountNames(stage)));
    }

    [Fact]
    public void The_live_boot_directories_are_made_on_the_physical_root_not_the_deployment()
    {
        var image = Stages(Generate(PxeImageSamples.Request(Arch.X86_64)), "image");
        var (mkdir, chmod) = (image[6], image[7]);

        Assert.Equal("""{"paths":[{"path":"/usr"},{"path":"/proc"}]}""", mkdir["options"]!.ToJsonString());
        Assert.Equal("""{"items":{"/proc":{"mode":"0755"},"/usr":{"mode":"0755"}}}""", chmod["options"]!.ToJsonString());
        Assert.All([mkdir, chmod], stage =>
            Assert.Equal(["-", "boot", "boot-efi", "bind-ostree-deployment-to-tree"], MountNames(stage)));
        Assert.Equal(["-", "boot", "boot-efi", "ostree.deployment", "bind-ostree-deployment-to-tree"], MountNames(image[8]));
    }

    [Fact]
    public void The_install_writes_disk_img_with_the_default_kernel_arguments_and_the_appended_ones()
    {
        var manifest = Generate(PxeImageSamples.Request(Arch.X86_64, PxeImageSamples.Supported));
        var image = Stages(manifest, "image");

        Assert.Equal("disk.img", (string)image[0]["options"]!["filename"]!);
        Assert.Equal(
            """["rw","console=tty0","console=ttyS0","quiet loglevel=3"]""",
            image[5]["options"]!["kernel-args"]!.ToJsonString());
        Assert.Equal("disk.img", (string)image[5]["devices"]!["disk"]!["options"]!["filename"]!);
    }

    [Fact]
    public async Task No_default_kernel_args_is_ignored_as_upstream_ignores_it_for_pxe()
    {
        var container = PxeImageSamples.Container(Arch.X86_64);
        var types = ImageTypeSet.Parse(["pxe-tar-xz"]);
        await using var containers = new ResolvedContainers(container, container);
        var input = new ImageKindInput(
            new ManifestRequest(container.ImageRef, types) { OmitDefaultKernelArgs = true }, types, containers, new SeededRandomSource(1));

        var manifest = (JsonObject)JsonNode.Parse(ManifestJson.ToCompactString(await new PxeImageKind().GenerateAsync(input, CancellationToken.None)))!;

        Assert.Equal("""["rw","console=tty0","console=ttyS0"]""", Stages(manifest, "image")[5]["options"]!["kernel-args"]!.ToJsonString());
    }

    [Fact]
    public void Ignition_is_not_a_pxe_customization_and_adds_no_stage()
    {
        var customizations = new Customizations
        {
            Ignition = new IgnitionCustomization { FirstBoot = new FirstBootIgnitionCustomization { Url = "https://example.com/a.ign" } },
        };

        var manifest = Generate(PxeImageSamples.Request(Arch.X86_64, customizations));

        Assert.DoesNotContain("org.osbuild.ignition", StageTypes(manifest, "image"));
    }

    [Fact]
    public void A_disk_yaml_mount_configuration_replaces_the_pxe_default_of_none()
    {
        var source = PxeImageSamples.Container(Arch.X86_64);
        var request = new BootcPxeImageInput(source with
        {
            OsInfo = source.OsInfo with { DiskYaml = new EmbeddedFile("/usr/lib/bootc-image-builder/disk.yaml", "mount_configuration: fstab\n") },
        });

        var manifest = Generate(request);

        Assert.Equal("org.osbuild.fstab", StageTypes(manifest, "image")[6]);
    }

    [Fact]
    public void A_filesystem_customization_reaches_the_disk_and_the_squashfs_mounts()
    {
        var customizations = new Customizations { Filesystem = [new FilesystemCustomization { Mountpoint = "/var/data", MinSize = 1UL << 30 }] };

        var manifest = Generate(PxeImageSamples.Request(Arch.X86_64, customizations));

        Assert.Equal(["-", "boot", "boot-efi", "var-data"], MountNames(TreeStage(manifest, 1)));
        Assert.Equal(5, Stages(manifest, "image")[1]["options"]!["partitions"]!.AsArray().Count);
    }

    [Fact]
    public void The_tree_starts_from_a_copy_of_disk_img_and_squashes_the_physical_root()
    {
        var manifest = Generate(PxeImageSamples.Request(Arch.X86_64));

        Assert.Equal(
            """{"type":"org.osbuild.copy","inputs":{"tree":{"type":"org.osbuild.tree","origin":"org.osbuild.pipeline","references":["name:image"]}},"options":{"paths":[{"from":"input://tree/disk.img","to":"tree:///"}]}}""",
            TreeStage(manifest, 0).ToJsonString());
        var squashfs = TreeStage(manifest, 1);
        Assert.Equal(
            """{"filename":"rootfs.img","source":"mount://-/","compression":{"method":"xz","options":{"bcj":"x86"}}}""",
            squashfs["options"]!.ToJsonString());
        Assert.Equal("""{"type":"org.osbuild.loopback","options":{"filename":"disk.img","partscan":true}}""", squashfs["devices"]!["disk"]!.ToJsonString());
        Assert.Equal(["-", "boot", "boot-efi"], MountNames(squashfs));
    }

    [Theory]
    [InlineData("x86_64", """{"method":"xz","options":{"bcj":"x86"}}""")]
    [InlineData("aarch64", """{"method":"xz","options":{"bcj":"arm"}}""")]
    [InlineData("ppc64le", """{"method":"xz","options":{"bcj":"powerpc"}}""")]
    [InlineData("s390x", """{"method":"xz"}""")]
    public void The_squashfs_uses_the_xz_filter_for_the_arch_and_none_where_xz_has_none(string arch, string compression)
    {
        var manifest = Generate(PxeImageSamples.Request(Arch.Parse(arch)));

        Assert.Equal(compression, TreeStage(manifest, 1)["options"]!["compression"]!.ToJsonString());
    }

    [Fact]
    public void Efi_comes_from_the_esp_and_the_kernel_and_initrd_from_the_deployment()
    {
        var manifest = Generate(PxeImageSamples.Request(Arch.X86_64));

        Assert.Equal("""{"paths":[{"from":"mount://-/boot/efi/EFI","to":"tree:///EFI"}]}""", TreeStage(manifest, 2)["options"]!.ToJsonString());
        Assert.Equal(["-", "boot", "boot-efi"], MountNames(TreeStage(manifest, 2)));
        Assert.Equal(
            $$"""{"paths":[{"from":"mount://-/usr/lib/modules/{{PxeImageSamples.KernelVersion}}/vmlinuz","to":"tree:///vmlinuz"},{"from":"mount://-/usr/lib/modules/{{PxeImageSamples.KernelVersion}}/initramfs.img","to":"tree:///initrd.img"}]}""",
            TreeStage(manifest, 3)["options"]!.ToJsonString());
        Assert.Equal(["-", "boot", "boot-efi", "ostree.deployment"], MountNames(TreeStage(manifest, 3)));
    }

    [Fact]
    public void Grub_cfg_carries_the_kernel_arguments_and_gets_the_ostree_path_from_the_deployment()
    {
        var manifest = Generate(PxeImageSamples.Request(Arch.X86_64, PxeImageSamples.Supported));
        var grubCopy = TreeStage(manifest, 4);
        var path = grubCopy["options"]!["paths"]![0]!;
        var checksum = ((string)path["from"]!).Split("sha256:")[1];
        var inline = manifest["sources"]!["org.osbuild.inline"]!["items"]!;
        var grubCfg = Encoding.UTF8.GetString(Convert.FromBase64String((string)inline[$"sha256:{checksum}"]!["data"]!));

        Assert.Equal("tree:///grub.cfg", (string)path["to"]!);
        Assert.True((bool)path["remove_destination"]!);
        Assert.Contains(
            "linux /vmlinuz rd.live.image root=live:http://HTTP-SERVER/rootfs.img ostree=@OSTREE@ rw console=tty0 console=ttyS0 quiet loglevel=3\n",
            grubCfg,
            StringComparison.Ordinal);
        Assert.Equal(checksum, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(grubCfg))));
        var grub2 = TreeStage(manifest, 6);
        Assert.Equal("""{"filename":"grub.cfg","source":"mount://-/"}""", grub2["options"]!.ToJsonString());
        Assert.Equal(["-", "boot", "boot-efi", "ostree.deployment"], MountNames(grub2));
    }

    [Fact]
    public void The_readme_is_copied_from_its_inline_source()
    {
        var manifest = Generate(PxeImageSamples.Request(Arch.X86_64));
        var path = TreeStage(manifest, 5)["options"]!["paths"]![0]!;
        var checksum = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(PxeTreeFiles.Readme)));

        Assert.Equal("tree:///README", (string)path["to"]!);
        Assert.Equal($"input://file-{checksum}/sha256:{checksum}", (string)path["from"]!);
        Assert.StartsWith("bootc-image-builder network boot tree\n", PxeTreeFiles.Readme, StringComparison.Ordinal);
        Assert.NotNull(manifest["sources"]!["org.osbuild.inline"]!["items"]![$"sha256:{checksum}"]);
    }

    [Fact]
    public void Every_file_of_the_tree_is_made_readable_and_archived_in_sorted_order()
    {
        var manifest = Generate(PxeImageSamples.Request(Arch.X86_64));

        Assert.Equal(
            """{"items":{"/EFI":{"mode":"ugo+Xr","recursive":true},"/README":{"mode":"0644"},"/grub.cfg":{"mode":"0644"},"/initrd.img":{"mode":"0644"},"/rootfs.img":{"mode":"0644"},"/vmlinuz":{"mode":"0755"}}}""",
            TreeStage(manifest, 7)["options"]!.ToJsonString(GoLikeEscaping));
        Assert.Equal(
            """{"type":"org.osbuild.tar","inputs":{"tree":{"type":"org.osbuild.tree","origin":"org.osbuild.pipeline","references":["name:bootc-pxe-tree"]}},"options":{"filename":"image.tar","paths":["EFI","README","grub.cfg","initrd.img","rootfs.img","vmlinuz"]}}""",
            Stages(manifest, "tar")[0].ToJsonString());
        Assert.Equal(
            """{"type":"org.osbuild.xz","inputs":{"file":{"type":"org.osbuild.files","origin":"org.osbuild.pipeline","references":{"name:tar":{"file":"image.tar"}}}},"options":{"filename":"pxe.tar.xz"}}""",
            Stages(manifest, "xz")[0].ToJsonString());
    }

    [Fact]
    public void Sources_hold_the_container_the_custom_files_grub_cfg_and_readme()
    {
        var manifest = Generate(PxeImageSamples.Request(Arch.X86_64, PxeImageSamples.Supported));

        Assert.NotNull(manifest["sources"]!["org.osbuild.containers-storage"]!["items"]![$"sha256:{DiskImageSamples.ImageId}"]);
        Assert.Equal(3, manifest["sources"]!["org.osbuild.inline"]!["items"]!.AsObject().Count);
    }

    [Fact]
    public void The_same_seed_gives_the_same_manifest_and_another_seed_other_uuids()
    {
        var request = PxeImageSamples.Request(Arch.X86_64, PxeImageSamples.Supported);

        Assert.Equal(Generate(request, 5).ToJsonString(), Generate(request, 5).ToJsonString());
        Assert.NotEqual(Generate(request, 5).ToJsonString(), Generate(request, 6).ToJsonString());
    }
}
