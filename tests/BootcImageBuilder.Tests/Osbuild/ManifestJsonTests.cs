using BootcImageBuilder.Osbuild;

namespace BootcImageBuilder.Tests.Osbuild;

public class ManifestJsonTests
{
    private static ReferenceManifestText ReferenceText()
    {
        var path = SharedReferenceFiles.ReferenceManifest(CentosBootcReferenceManifest.RelativePath);
        Skip.If(path is null, "shared reference manifests (../shared/reference-manifests) are not available next to this checkout");
        return new ReferenceManifestText(File.ReadAllText(path!));
    }

    [SkippableFact]
    public void Build_pipeline_serializes_byte_for_byte_like_upstream()
    {
        var expected = ReferenceText().Pipeline(0);

        Assert.Equal(expected, ManifestJson.Serialize(CentosBootcReferenceManifest.BuildPipeline(), JsonLayout.Indented));
    }

    [SkippableTheory]
    [InlineData(0)] // truncate
    [InlineData(1)] // sfdisk
    [InlineData(2)] // mkfs.fat
    [InlineData(3)] // mkfs.xfs
    [InlineData(5)] // bootc.install-to-filesystem
    [InlineData(6)] // systemd.unit.create with deployment mounts
    [InlineData(9)] // systemd
    [InlineData(10)] // selinux relabel
    public void Image_stage_serializes_byte_for_byte_like_upstream(int stageIndex)
    {
        var expected = ReferenceText().Stage(1, stageIndex);

        Assert.Equal(expected, ManifestJson.Serialize(CentosBootcReferenceManifest.ImageStages()[stageIndex], JsonLayout.Indented));
    }

    [SkippableFact]
    public void Whole_disk_manifest_serializes_byte_for_byte_like_the_saved_file()
    {
        var path = SharedReferenceFiles.ReferenceManifest(CentosBootcReferenceManifest.RelativePath);
        Skip.If(path is null, "shared reference manifests (../shared/reference-manifests) are not available next to this checkout");

        Assert.Equal(File.ReadAllText(path!), ManifestJson.ToIndentedString(CentosBootcReferenceManifest.Manifest()));
    }

    [Fact]
    public void Compact_form_has_no_whitespace_and_ends_with_a_newline()
    {
        var manifest = new Manifest([new Pipeline("build", [Stage.Of(new TruncateOptions("disk.raw", 1024))])], []);

        Assert.Equal(
            """{"version":"2","pipelines":[{"name":"build","stages":[{"type":"org.osbuild.truncate","options":{"filename":"disk.raw","size":"1024"}}]}],"sources":{}}""" + "\n",
            ManifestJson.ToCompactString(manifest));
    }

    [Fact]
    public void Indented_form_writes_empty_objects_and_arrays_like_go()
    {
        var stage = Stage.Of(new BtrfsSubvolOptions([]), mounts: [Mount.Btrfs("volume", "device", "/", new BtrfsMountOptions())]);

        Assert.Equal(
            """
            {
              "type": "org.osbuild.btrfs.subvol",
              "options": {
                "subvolumes": []
              },
              "mounts": [
                {
                  "name": "volume",
                  "type": "org.osbuild.btrfs",
                  "source": "device",
                  "target": "/",
                  "options": {}
                }
              ]
            }

            """,
            ManifestJson.Serialize(stage, JsonLayout.Indented));
    }

    [Fact]
    public void Strings_are_escaped_like_go_encoding_json()
    {
        var stage = Stage.Of(new WriteDeviceOptions("a<b>&c\"d\\e\nf\tg\u0001h\u2028ü"));

        Assert.Equal(
            """{"type":"org.osbuild.write-device","options":{"from":"a\u003cb\u003e\u0026c\"d\\e\nf\tg\u0001h\u2028ü"}}""" + "\n",
            ManifestJson.Serialize(stage, JsonLayout.Compact));
    }

    [Fact]
    public void Map_keys_are_sorted_ordinally_whatever_the_insertion_order()
    {
        var options = new GroupsOptions(OsbuildMap.Of(("wheel", new GroupEntry(10)), ("Admins", new GroupEntry()), ("adm", new GroupEntry(4))), Force: true);

        Assert.Equal(
            """{"type":"org.osbuild.groups","options":{"groups":{"Admins":{},"adm":{"gid":4},"wheel":{"gid":10}},"force":true}}""" + "\n",
            ManifestJson.Serialize(Stage.Of(options), JsonLayout.Compact));
    }

    [Fact]
    public void Go_omitempty_value_fields_are_left_out_when_zero_and_pointer_fields_are_kept_when_false()
    {
        var stage = Stage.Of(
            new MkfsExt4Options("uuid-1", Verity: false),
            devices: new Dictionary<string, Device> { ["device"] = Device.Loopback(new LoopbackDeviceOptions("disk.raw")) });

        Assert.Equal(
            """{"type":"org.osbuild.mkfs.ext4","options":{"uuid":"uuid-1","verity":false},"devices":{"device":{"type":"org.osbuild.loopback","options":{"filename":"disk.raw"}}}}""" + "\n",
            ManifestJson.Serialize(stage, JsonLayout.Compact));
    }

    [Fact]
    public void Empty_inputs_devices_and_mounts_are_left_out()
    {
        var stage = Stage.Of(new OvfOptions("disk.vmdk"), inputs: [], devices: [], mounts: []);

        Assert.Equal(
            """{"type":"org.osbuild.ovf","options":{"vmdk":"disk.vmdk"}}""" + "\n",
            ManifestJson.Serialize(stage, JsonLayout.Compact));
    }

    [Fact]
    public void Chown_owners_are_names_or_integers_and_modes_are_integers()
    {
        var chown = Stage.Of(new ChownOptions(OsbuildMap.Of(("/etc/x", new ChownItem(OwnerId.ByName("root"), OwnerId.ById(0))))));
        var mkdir = Stage.Of(new MkdirOptions([new MkdirPath("tree:///var/home", Mode: 493, ExistOk: true)]));

        Assert.Equal(
            """{"type":"org.osbuild.chown","options":{"items":{"/etc/x":{"user":"root","group":0}}}}""" + "\n",
            ManifestJson.Serialize(chown, JsonLayout.Compact));
        Assert.Equal(
            """{"type":"org.osbuild.mkdir","options":{"paths":[{"path":"tree:///var/home","mode":493,"exist_ok":true}]}}""" + "\n",
            ManifestJson.Serialize(mkdir, JsonLayout.Compact));
    }
}
