using System.Text.Json.Nodes;
using BootcImageBuilder.Blueprint;
using BootcImageBuilder.Containers;
using BootcImageBuilder.Distro;
using BootcImageBuilder.Images.Kinds;
using BootcImageBuilder.Osbuild;
using BootcImageBuilder.Randomness;
using BootcImageBuilder.Tests.Osbuild.Schema;

namespace BootcImageBuilder.Tests.Images;

public class BootcDiskImageTests
{
    private static JsonObject Generate(BootcDiskImageInput request, int seed = 1) =>
        (JsonObject)JsonNode.Parse(ManifestJson.ToCompactString(BootcDiskImage.Generate(request, new SeededRandomSource(seed))))!;

    private static List<string> PipelineNames(JsonObject manifest) =>
        [.. manifest["pipelines"]!.AsArray().Select(p => (string)p!["name"]!)];

    private static JsonObject Pipeline(JsonObject manifest, string name) =>
        (JsonObject)manifest["pipelines"]!.AsArray().Single(p => (string?)p!["name"] == name)!;

    private static List<JsonObject> Stages(JsonObject manifest, string pipeline, string type) =>
        [.. Pipeline(manifest, pipeline)["stages"]!.AsArray().Select(s => (JsonObject)s!).Where(s => (string?)s["type"] == type)];

    private static JsonObject Install(JsonObject manifest) => Stages(manifest, "image", "org.osbuild.bootc.install-to-filesystem").Single();

    private static BootcDiskImageInput WithDiskYaml(string yaml)
    {
        var source = DiskImageSamples.Container(Arch.X86_64);
        return new BootcDiskImageInput(source with
        {
            OsInfo = source.OsInfo with { DiskYaml = new EmbeddedFile("/usr/lib/bootc-image-builder/disk.yaml", yaml) },
        });
    }

    [Theory]
    [InlineData("raw", "image/disk.raw")]
    [InlineData("ami", "image/disk.raw")]
    [InlineData("qcow2", "qcow2/disk.qcow2")]
    [InlineData("vmdk", "vmdk/disk.vmdk")]
    [InlineData("vhd", "vpc/disk.vhd")]
    [InlineData("gce", "gce/image.tar.gz")]
    [InlineData("ova", "archive/image.ova")]
    public void Every_type_is_named_after_itself(string type, string path)
    {
        Assert.Equal(path, ImageTypes.Get(type).ArtifactPath);
    }

    private static BootcDiskImageInput RequestFor(params string[] types) =>
        DiskImageSamples.Request(Arch.X86_64) with { ImageTypes = [.. types.Select(ImageTypes.Get)] };

    private static string FileOf(JsonObject manifest, string pipeline, string stage) =>
        (string)Stages(manifest, pipeline, stage).Single()["options"]!["filename"]!;

    [Fact]
    public void An_ova_alone_names_every_file_after_image_as_upstream()
    {
        var manifest = Generate(RequestFor("ova"));

        Assert.Equal("image.raw", FileOf(manifest, "image", "org.osbuild.truncate"));
        Assert.Equal("image.vmdk", FileOf(manifest, "vmdk", "org.osbuild.qemu"));
        Assert.Equal("image.vmdk", (string)Stages(manifest, "ovf", "org.osbuild.ovf").Single()["options"]!["vmdk"]!);
        var tar = Stages(manifest, "archive", "org.osbuild.tar").Single()["options"]!;
        Assert.Equal("image.ova", (string)tar["filename"]!);
        Assert.Equal("""["image.ovf","image.mf","image.vmdk"]""", tar["paths"]!.ToJsonString());
        Assert.Equal("name:image", (string)Pipeline(manifest, "vmdk")["stages"]![0]!["inputs"]!["image"]!["references"]!.AsObject().Single().Key);
        Assert.Equal("image.raw", (string)Pipeline(manifest, "vmdk")["stages"]![0]!["inputs"]!["image"]!["references"]!["name:image"]!["file"]!);
    }

    [Fact]
    public void A_gce_alone_renames_image_raw_to_disk_raw_in_its_tarball()
    {
        var tar = Stages(Generate(RequestFor("gce")), "gce", "org.osbuild.tar").Single()["options"]!;

        Assert.Equal("image.tar.gz", (string)tar["filename"]!);
        Assert.Equal("s/image\\.raw/disk.raw/", (string)tar["transform"]!);
    }

    [Theory]
    [InlineData("qcow2")]
    [InlineData("raw")]
    [InlineData("ami")]
    [InlineData("vmdk")]
    [InlineData("vhd")]
    public void A_disk_type_alone_names_every_file_after_disk(string type)
    {
        var manifest = Generate(RequestFor(type));

        Assert.Equal("disk.raw", FileOf(manifest, "image", "org.osbuild.truncate"));
        Assert.Equal(["disk.qcow2", "disk.vmdk", "disk.vhd"], new[] { "qcow2", "vmdk", "vpc" }.Select(p => FileOf(manifest, p, "org.osbuild.qemu")));
        Assert.Equal("disk.ova", FileOf(manifest, "archive", "org.osbuild.tar"));
        Assert.Null(Stages(manifest, "gce", "org.osbuild.tar").Single()["options"]!["transform"]);
    }

    [Theory]
    [InlineData("ova", "qcow2")]
    [InlineData("qcow2", "ova")]
    [InlineData("gce", "raw", "vmdk", "vhd", "qcow2", "ova")]
    public void Mixed_types_each_keep_their_own_file_name(params string[] types)
    {
        var manifest = Generate(RequestFor(types));

        foreach (var type in types.Select(ImageTypes.Get))
        {
            var exported = Pipeline(manifest, type.Export)["stages"]!.AsArray().Select(st => (string?)st!["options"]!["filename"]);
            Assert.Contains(type.FileName, exported);
        }
    }

    [Fact]
    public void Pipelines_come_in_upstream_order()
    {
        Assert.Equal(
            ["build", "image", "qcow2", "vmdk", "vpc", "ovf", "archive", "gce"],
            PipelineNames(Generate(DiskImageSamples.Request(Arch.X86_64))));
    }

    [Fact]
    public void The_same_seed_gives_byte_identical_manifests()
    {
        var request = DiskImageSamples.Request(Arch.X86_64, "ext4", DiskImageSamples.LvmDisk);
        Assert.Equal(
            ManifestJson.ToCompactString(BootcDiskImage.Generate(request, new SeededRandomSource(42))),
            ManifestJson.ToCompactString(BootcDiskImage.Generate(request, new SeededRandomSource(42))));
    }

    [Fact]
    public void Another_seed_gives_other_filesystem_uuids()
    {
        var request = DiskImageSamples.Request(Arch.X86_64);
        var first = Stages(Generate(request, 1), "image", "org.osbuild.mkfs.xfs").Select(s => (string)s["options"]!["uuid"]!);
        var second = Stages(Generate(request, 2), "image", "org.osbuild.mkfs.xfs").Select(s => (string)s["options"]!["uuid"]!);
        Assert.Empty(first.Intersect(second));
    }

    [Fact]
    public void The_container_is_read_from_local_storage_keyed_by_image_id()
    {
        var manifest = Generate(DiskImageSamples.Request(Arch.X86_64));
        Assert.Equal(
            """{"org.osbuild.containers-storage":{"items":{"sha256:d84eacd1acb5a4b5fe43fd494dec79a0c0d732a02af7a8244b1c1ed0cea042cf":{}}}}""",
            manifest["sources"]!.ToJsonString());
        Assert.Equal(
            """{"type":"org.osbuild.containers-storage","origin":"org.osbuild.source","references":{"sha256:d84eacd1acb5a4b5fe43fd494dec79a0c0d732a02af7a8244b1c1ed0cea042cf":{"name":"quay.io/centos-bootc/centos-bootc:stream9"}}}""",
            Install(manifest)["inputs"]!["images"]!.ToJsonString());
    }

    [Fact]
    public void Kernel_append_is_one_argument_after_the_defaults()
    {
        var manifest = Generate(DiskImageSamples.Request(Arch.X86_64, customizations: DiskImageSamples.UsersGroupsKernel));
        Assert.Equal("""["rw","console=tty0","console=ttyS0","quiet loglevel=3"]""", Install(manifest)["options"]!["kernel-args"]!.ToJsonString());
    }

    [Fact]
    public void Omitting_default_kernel_args_keeps_only_the_append()
    {
        var request = DiskImageSamples.Request(Arch.X86_64, customizations: DiskImageSamples.UsersGroupsKernel) with { OmitDefaultKernelArgs = true };
        Assert.Equal("""["quiet loglevel=3"]""", Install(Generate(request))["options"]!["kernel-args"]!.ToJsonString());
    }

    [Fact]
    public void Omitting_default_kernel_args_without_append_leaves_kernel_args_out()
    {
        var request = DiskImageSamples.Request(Arch.X86_64) with { OmitDefaultKernelArgs = true };
        Assert.Equal("""{"target-imgref":"quay.io/centos-bootc/centos-bootc:stream9"}""", Install(Generate(request))["options"]!.ToJsonString());
    }

    [Fact]
    public void A_separate_build_container_gets_the_targets_bootc_and_ostree_configuration()
    {
        var builder = DiskImageSamples.Container(Arch.X86_64) with { ImageRef = "localhost/builder:latest", ImageId = new string('b', 64) };
        var manifest = Generate(DiskImageSamples.Request(Arch.X86_64) with { BuildSource = builder });

        Assert.Equal(["target", "build", "image", "qcow2", "vmdk", "vpc", "ovf", "archive", "gce"], PipelineNames(manifest));
        Assert.Equal(
            ["org.osbuild.container-deploy", "org.osbuild.mkdir", "org.osbuild.copy", "org.osbuild.selinux"],
            Pipeline(manifest, "build")["stages"]!.AsArray().Select(s => (string)s!["type"]!).ToList());
        Assert.Equal(
            """{"paths":[{"from":"input://copy-tree/usr/lib/bootc/install/","to":"tree:///usr/lib/bootc/install/"},{"from":"input://copy-tree/usr/lib/ostree/","to":"tree:///usr/lib/ostree/"}]}""",
            Stages(manifest, "build", "org.osbuild.copy").Single()["options"]!.ToJsonString());
        Assert.Equal(
            ["sha256:" + new string('b', 64), "sha256:" + DiskImageSamples.ImageId],
            manifest["sources"]!["org.osbuild.containers-storage"]!["items"]!.AsObject().Select(i => i.Key).ToList());
    }

    [Fact]
    public void Without_a_selinux_policy_nothing_is_relabelled_after_the_install()
    {
        var source = DiskImageSamples.Container(Arch.X86_64);
        var manifest = Generate(new BootcDiskImageInput(source with { OsInfo = source.OsInfo with { SelinuxPolicy = null } }));
        Assert.Empty(Stages(manifest, "image", "org.osbuild.selinux"));
        Assert.Equal(
            "etc/selinux/targeted/contexts/files/file_contexts",
            (string?)Stages(manifest, "build", "org.osbuild.selinux").Single()["options"]!["file_contexts"]);
    }

    [Fact]
    public void Customizations_are_relabelled_in_etc_then_var()
    {
        var targets = Stages(Generate(DiskImageSamples.Request(Arch.X86_64)), "image", "org.osbuild.selinux")
            .Select(s => (string)s["options"]!["target"]!);
        Assert.Equal(["tree:///etc", "tree:///var"], targets);
    }

    [Fact]
    public void Disk_yaml_can_ask_for_fstab()
    {
        var manifest = Generate(WithDiskYaml("mount_configuration: fstab\n"));
        Assert.Empty(Stages(manifest, "image", "org.osbuild.systemd.unit.create"));
        var paths = Stages(manifest, "image", "org.osbuild.fstab").Single()["options"]!["filesystems"]!.AsArray().Select(f => (string)f!["path"]!);
        Assert.Equal(["/", "/boot", "/boot/efi"], paths);
    }

    [Fact]
    public void Disk_yaml_can_turn_mount_configuration_off_and_then_nothing_is_relabelled()
    {
        var manifest = Generate(WithDiskYaml("mount_configuration: none\n"));
        Assert.Equal(
            ["org.osbuild.truncate", "org.osbuild.sfdisk", "org.osbuild.mkfs.fat", "org.osbuild.mkfs.xfs", "org.osbuild.mkfs.xfs", "org.osbuild.bootc.install-to-filesystem"],
            Pipeline(manifest, "image")["stages"]!.AsArray().Select(s => (string)s!["type"]!).ToList());
    }

    [Fact]
    public void A_raw_payload_is_written_from_the_build_tree()
    {
        var yaml = """
            partition_table:
              type: gpt
              partitions:
                - size: 1 MiB
                  type: 21686148-6449-6E6F-744E-656564454649
                  bootable: true
                - size: 64 MiB
                  type: 0FC63DAF-8483-4772-8E79-3D69D8477DE4
                  payload_type: raw
                  payload:
                    source_path: /usr/lib/modules/6.12/aboot.img
                - size: 501 MiB
                  type: C12A7328-F81F-11D2-BA4B-00A0C93EC93B
                  payload_type: filesystem
                  payload:
                    type: vfat
                    mountpoint: /boot/efi
                - size: 2 GiB
                  type: 0FC63DAF-8483-4772-8E79-3D69D8477DE4
                  payload_type: filesystem
                  payload:
                    type: xfs
                    mountpoint: /
            """;
        var stage = Stages(Generate(WithDiskYaml(yaml)), "image", "org.osbuild.write-device").Single();
        Assert.Equal("""{"from":"input://tree/usr/lib/modules/6.12/aboot.img"}""", stage["options"]!.ToJsonString());
        Assert.Equal("""{"tree":{"type":"org.osbuild.tree","origin":"org.osbuild.pipeline","references":["name:build"]}}""", stage["inputs"]!.ToJsonString());
    }

    [Fact]
    public void An_ext4_root_gets_fs_verity_and_boot_does_not()
    {
        var verity = Stages(Generate(DiskImageSamples.Request(Arch.X86_64, "ext4")), "image", "org.osbuild.mkfs.ext4")
            .Select(s => ((string)s["options"]!["label"]!, s["options"]!["verity"]?.ToJsonString()));
        Assert.Equal([("boot", (string?)null), ("root", "true")], verity);
    }

    [Fact]
    public void Root_and_other_users_get_their_home_roots_and_ssh_keys_come_first()
    {
        var customizations = DiskImageSamples.UsersGroupsKernel with
        {
            SshKey = [new SshKeyCustomization { User = "bob", Key = "ssh-ed25519 BBBB bob@example" }],
        };
        var manifest = Generate(DiskImageSamples.Request(Arch.X86_64, customizations: customizations));
        Assert.Equal(
            """{"paths":[{"path":"/var/roothome","mode":448,"exist_ok":true},{"path":"/var/home","mode":493,"exist_ok":true}]}""",
            Stages(manifest, "image", "org.osbuild.mkdir").Single()["options"]!.ToJsonString());
        Assert.Equal(
            "{\"users\":{\"alice\":{\"uid\":1001,\"groups\":[\"wheel\"],\"home\":\"/var/home/alice\",\"password\":\"" + DiskImageSamples.CryptedPassword + "\"},"
            + "\"bob\":{\"key\":\"ssh-ed25519 BBBB bob@example\"},\"root\":{\"key\":\"ssh-ed25519 AAAA root@example\"}}}",
            Stages(manifest, "image", "org.osbuild.users").Single()["options"]!.ToJsonString());
        Assert.Equal("""{"groups":{"devs":{"gid":2000}},"force":true}""", Stages(manifest, "image", "org.osbuild.groups").Single()["options"]!.ToJsonString());
    }

    [SkippableFact]
    public void A_plaintext_password_is_crypted_with_a_salt_from_the_seed()
    {
        Skip.IfNot(File.Exists("/usr/lib64/libcrypt.so.1") || File.Exists("/lib/x86_64-linux-gnu/libcrypt.so.1") || File.Exists("/usr/lib/x86_64-linux-gnu/libcrypt.so.1"), "libcrypt.so.1 is not installed");
        var customizations = new Customizations { User = [new UserCustomization { Name = "alice", Password = "secret" }] };
        string Password(int seed) => (string)Stages(Generate(DiskImageSamples.Request(Arch.X86_64, customizations: customizations), seed), "image", "org.osbuild.users")
            .Single()["options"]!["users"]!["alice"]!["password"]!;

        Assert.StartsWith("$6$", Password(5), StringComparison.Ordinal);
        Assert.DoesNotContain("secret", Password(5), StringComparison.Ordinal);
        Assert.Equal(Password(5), Password(5));
    }

    [Fact]
    public void File_contents_become_inline_sources_keyed_by_their_checksum()
    {
        var customizations = new Customizations { Files = [new FileCustomization { Path = "/etc/motd", Data = "hello\n" }] };
        var manifest = Generate(DiskImageSamples.Request(Arch.X86_64, customizations: customizations));
        const string Sha = "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03";
        Assert.Equal(
            "{\"sha256:" + Sha + "\":{\"encoding\":\"base64\",\"data\":\"aGVsbG8K\"}}",
            manifest["sources"]!["org.osbuild.inline"]!["items"]!.ToJsonString());
        Assert.Equal(
            "{\"paths\":[{\"from\":\"input://file-" + Sha + "/sha256:" + Sha + "\",\"to\":\"tree:///etc/motd\",\"remove_destination\":true}]}",
            Stages(manifest, "image", "org.osbuild.copy").Single()["options"]!.ToJsonString());
    }

    [Fact]
    public void Embedded_disk_customizations_apply_when_the_user_gave_none()
    {
        var request = DiskImageSamples.Request(Arch.X86_64) with { EmbeddedCustomizations = DiskImageSamples.SwapDisk };
        Assert.Single(Stages(Generate(request), "image", "org.osbuild.mkswap"));
    }

    [Fact]
    public void User_filesystem_customizations_win_over_embedded_disk_customizations()
    {
        var request = DiskImageSamples.Request(Arch.X86_64, customizations: DiskImageSamples.Filesystems("xfs")) with
        {
            EmbeddedCustomizations = DiskImageSamples.SwapDisk,
        };
        var manifest = Generate(request);
        Assert.Empty(Stages(manifest, "image", "org.osbuild.mkswap"));
        Assert.Contains(Stages(manifest, "image", "org.osbuild.systemd.unit.create"), s => (string?)s["options"]!["filename"] == "var-log.mount");
    }

    [Fact]
    public void The_qcow2_uses_compat_1_1_and_the_ova_carries_descriptor_manifest_and_vmdk()
    {
        var manifest = Generate(DiskImageSamples.Request(Arch.Aarch64));
        Assert.Equal("""{"filename":"disk.qcow2","format":{"type":"qcow2","compat":"1.1"}}""", Stages(manifest, "qcow2", "org.osbuild.qemu").Single()["options"]!.ToJsonString());
        Assert.Equal("""{"filename":"disk.ova","format":"ustar","paths":["disk.ovf","disk.mf","disk.vmdk"]}""", Stages(manifest, "archive", "org.osbuild.tar").Single()["options"]!.ToJsonString());
    }

    [SkippableFact]
    public void A_manifest_with_a_separate_build_container_is_valid_for_osbuild()
    {
        var builder = DiskImageSamples.Container(Arch.X86_64) with { ImageRef = "localhost/builder:latest", ImageId = new string('b', 64) };
        var request = DiskImageSamples.Request(Arch.X86_64, customizations: DiskImageSamples.FilesDirectoriesIgnition) with { BuildSource = builder };
        OsbuildSchema.AssertValid(ManifestJson.ToCompactString(BootcDiskImage.Generate(request, new SeededRandomSource(1))));
    }
}
