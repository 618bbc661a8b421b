using BootcImageBuilder.Distro;
using BootcImageBuilder.Images.Kinds;
using BootcImageBuilder.Images.Kinds.Installer;
using BootcImageBuilder.Osbuild;
using BootcImageBuilder.Randomness;
using BootcImageBuilder.Tests.Images;
using BootcImageBuilder.Tests.Images.Installer;

namespace BootcImageBuilder.Tests.Osbuild;

public class CheckpointSelectionTests
{
    private static Manifest DiskManifest() =>
        BootcDiskImage.Generate(DiskImageSamples.Request(Arch.S390x), new SeededRandomSource(7));

    private static Manifest IsoManifest() =>
        BootcInstallerIso.Generate(IsoSamples.Container(Arch.X86_64), IsoSamples.PayloadRef, IsoSamples.PayloadId, null, new SeededRandomSource(3));

    private static List<string> ExportsOf(ImageKind kind) => [.. ImageTypes.All.Where(t => t.Kind == kind).Select(t => t.Export)];

    private static readonly HashSet<string> BuildRootUsedBefore = ["build"];

    private static IReadOnlyList<string> Disk(params string[] exports) =>
        CheckpointSelection.For(DiskManifest(), exports, ExportsOf(ImageKind.Disk), BuildRootUsedBefore);

    [Theory]
    [InlineData("image", new[] { "build", "image" })]
    [InlineData("qcow2", new[] { "build", "image", "qcow2" })]
    [InlineData("vmdk", new[] { "build", "image", "vmdk" })]
    [InlineData("gce", new[] { "build", "image", "gce" })]
    public void A_disk_keeps_its_build_root_the_disk_and_the_export(string export, string[] expected)
    {
        Assert.Equal(expected, Disk(export));
    }

    [Fact]
    public void The_ova_keeps_the_vmdk_another_type_exports_but_not_the_ovf_copy_only_its_archive_reads()
    {
        Assert.Equal(["build", "image", "vmdk", "archive"], Disk("archive"));
    }

    [Fact]
    public void A_step_another_type_exports_is_kept_even_when_only_a_kept_step_reads_it()
    {
        Assert.Equal(["build", "image", "vmdk", "ovf", "archive"], Disk("archive", "ovf"));
        Assert.Equal(["build", "image", "ovf", "archive"], CheckpointSelection.For(DiskManifest(), ["archive", "ovf"], ["archive", "ovf"], BuildRootUsedBefore));
    }

    [Fact]
    public void The_installer_keeps_its_trees_but_not_the_iso_tree_only_the_iso_is_made_from()
    {
        Assert.Equal(
            ["build", "anaconda-tree", "efiboot-tree", "bootiso"],
            CheckpointSelection.For(IsoManifest(), ["bootiso"], ExportsOf(ImageKind.BootcInstallerIso), BuildRootUsedBefore));
    }

    [Theory]
    [InlineData("image", new[] { "image" })]
    [InlineData("qcow2", new[] { "image", "qcow2" })]
    [InlineData("gce", new[] { "image", "gce" })]
    public void A_build_root_no_earlier_build_into_the_store_used_is_not_kept(string export, string[] expected)
    {
        Assert.Equal(expected, CheckpointSelection.For(DiskManifest(), [export], ExportsOf(ImageKind.Disk), new HashSet<string>()));
    }

    [Fact]
    public void The_installer_keeps_only_the_build_roots_used_before()
    {
        var iso = IsoManifest();
        Assert.Equal(["anaconda-tree", "efiboot-tree", "bootiso"], CheckpointSelection.For(iso, ["bootiso"], ExportsOf(ImageKind.BootcInstallerIso), new HashSet<string>()));
    }
}
