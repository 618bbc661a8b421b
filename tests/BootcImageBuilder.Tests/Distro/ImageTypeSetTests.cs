using BootcImageBuilder.Distro;

namespace BootcImageBuilder.Tests.Distro;

public class ImageTypeSetTests
{
    [Fact]
    public void The_valid_list_is_upstreams_sorted_names_aliases_included()
    {
        Assert.Equal("ami, anaconda-iso, bootc-installer, gce, iso, ova, pxe-tar-xz, qcow2, raw, vhd, vmdk", ImageTypes.Available);
    }

    [Theory]
    [InlineData("qcow2", ImageKind.Disk, "qcow2", "qcow2/disk.qcow2")]
    [InlineData("raw", ImageKind.Disk, "image", "image/disk.raw")]
    [InlineData("ami", ImageKind.Disk, "image", "image/disk.raw")]
    [InlineData("vmdk", ImageKind.Disk, "vmdk", "vmdk/disk.vmdk")]
    [InlineData("vhd", ImageKind.Disk, "vpc", "vpc/disk.vhd")]
    [InlineData("gce", ImageKind.Disk, "gce", "gce/image.tar.gz")]
    [InlineData("ova", ImageKind.Disk, "archive", "archive/image.ova")]
    [InlineData("anaconda-iso", ImageKind.LegacyInstallerIso, "bootiso", "bootiso/install.iso")]
    [InlineData("iso", ImageKind.LegacyInstallerIso, "bootiso", "bootiso/install.iso")]
    [InlineData("bootc-installer", ImageKind.BootcInstallerIso, "bootiso", "bootiso/install.iso")]
    [InlineData("pxe-tar-xz", ImageKind.Pxe, "bootc-pxe-tree", "bootc-pxe-tree")]
    public void Each_type_knows_its_kind_export_and_artifact(string name, ImageKind kind, string export, string artifact)
    {
        var type = ImageTypes.Find(name)!;

        Assert.Equal((kind, export, artifact), (type.Kind, type.Export, type.ArtifactPath));
    }

    [Fact]
    public void An_alias_keeps_the_users_spelling_and_names_the_canonical_type()
    {
        var set = ImageTypeSet.Parse(["iso"]);

        Assert.Equal(["iso"], set.Names);
        Assert.Equal("anaconda-iso", set.Types.Single().Name);
        Assert.Equal("manifest-iso.json", set.ManifestFileName);
    }

    [Fact]
    public void Exports_are_deduplicated_in_order_of_first_appearance()
    {
        Assert.Equal(["image", "vmdk", "qcow2"], ImageTypeSet.Parse(["ami", "raw", "vmdk", "qcow2"]).Exports);
        Assert.Equal(["qcow2", "image"], ImageTypeSet.Parse(["qcow2", "ami"]).Exports);
    }

    [Fact]
    public void Kinds_group_the_request_in_order_and_each_group_keeps_its_types()
    {
        var set = ImageTypeSet.Parse(["pxe-tar-xz", "qcow2", "raw"]);

        Assert.Equal([ImageKind.Pxe, ImageKind.Disk], set.Kinds);
        Assert.Equal(["qcow2", "raw"], set.OfKind(ImageKind.Disk).Names);
        Assert.Equal("manifest-qcow2-raw.json", set.OfKind(ImageKind.Disk).ManifestFileName);
    }

    [Fact]
    public void Iso_and_disk_types_may_be_mixed_one_manifest_each()
    {
        var set = ImageTypeSet.Parse(["qcow2", "anaconda-iso", "raw"]);

        Assert.Equal([ImageKind.Disk, ImageKind.LegacyInstallerIso], set.Kinds);
        Assert.Equal("manifest-qcow2-raw.json", set.OfKind(ImageKind.Disk).ManifestFileName);
        Assert.Equal("manifest-anaconda-iso.json", set.OfKind(ImageKind.LegacyInstallerIso).ManifestFileName);
        Assert.True(set.BuildsIso);
    }

    [Fact]
    public void Two_kinds_writing_the_same_artifact_are_refused()
    {
        var error = Assert.Throws<BibException>(() => ImageTypeSet.Parse(["bootc-installer", "anaconda-iso"]));

        Assert.Equal("cannot build bootc-installer and anaconda-iso in one request: both write bootiso/install.iso", error.Message);
    }

    [Theory]
    [InlineData(new[] { "foo" }, "unsupported image type \"foo\", valid types are ami, anaconda-iso, bootc-installer, gce, iso, ova, pxe-tar-xz, qcow2, raw, vhd, vmdk")]
    [InlineData(new string[0], "cannot use an empty array as a build request")]
    public void Bad_requests_get_upstreams_messages(string[] names, string expected)
    {
        Assert.Equal(expected, Assert.Throws<BibException>(() => ImageTypeSet.Parse(names)).Message);
    }

    [Theory]
    [InlineData(new[] { "qcow2", "ami" }, "aws", true)]
    [InlineData(new[] { "gce" }, "gce", true)]
    [InlineData(new[] { "raw", "qcow2" }, "aws", false)]
    [InlineData(new[] { "ami" }, "gce", false)]
    [InlineData(new[] { "gce" }, "aws", false)]
    public void A_set_feeds_the_uploads_its_types_name_in_the_type_table(string[] names, string provider, bool feeds) =>
        Assert.Equal(feeds, ImageTypeSet.Parse(names).FeedsUpload(provider));
}
