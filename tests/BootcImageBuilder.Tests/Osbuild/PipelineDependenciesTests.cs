using BootcImageBuilder.Images.Kinds;
using BootcImageBuilder.Osbuild;
using BootcImageBuilder.Randomness;
using BootcImageBuilder.Tests.Images;

namespace BootcImageBuilder.Tests.Osbuild;

public class PipelineDependenciesTests
{
    private static Manifest DiskManifest() =>
        BootcDiskImage.Generate(DiskImageSamples.Request(Arch.S390x), new SeededRandomSource(7));

    [Theory]
    [InlineData("image", new[] { "build", "image" })]
    [InlineData("qcow2", new[] { "build", "image", "qcow2" })]
    [InlineData("gce", new[] { "build", "image", "gce" })]
    [InlineData("archive", new[] { "build", "image", "vmdk", "ovf", "archive" })]
    public void An_export_needs_its_build_root_and_every_pipeline_it_reads(string export, string[] expected)
    {
        Assert.Equal(expected, PipelineDependencies.NeededFor(DiskManifest(), [export]));
    }

    [Fact]
    public void Several_exports_share_their_dependencies_in_manifest_order()
    {
        Assert.Equal(["build", "image", "qcow2", "vpc"], PipelineDependencies.NeededFor(DiskManifest(), ["vpc", "qcow2"]));
    }

    [Fact]
    public void Pipelines_nothing_exported_needs_are_left_out_and_unknown_names_ignored()
    {
        var needed = PipelineDependencies.NeededFor(DiskManifest(), ["image", "no-such-pipeline"]);

        Assert.DoesNotContain("qcow2", needed);
        Assert.DoesNotContain("no-such-pipeline", needed);
    }

    [Fact]
    public void The_build_roots_are_the_pipelines_others_build_in()
    {
        Assert.Equal(["build"], PipelineDependencies.BuildRoots(DiskManifest()));
    }

    [Theory]
    [InlineData(new[] { "qcow2" }, new string[0], new[] { "qcow2" })]
    [InlineData(new[] { "vmdk" }, new[] { "vmdk" }, new[] { "image" })]
    [InlineData(new[] { "qcow2" }, new[] { "image", "qcow2" }, new[] { "build" })]
    [InlineData(new[] { "qcow2" }, new[] { "build", "image", "qcow2" }, new string[0])]
    [InlineData(new[] { "archive" }, new[] { "ovf", "archive" }, new[] { "vmdk" })]
    public void The_store_gave_the_unstarted_exports_and_what_started_pipelines_read(string[] exports, string[] started, string[] expected)
    {
        Assert.Equal(expected, PipelineDependencies.TakenFromStore(DiskManifest(), exports, started));
    }
}
