using BootcImageBuilder.Building;

namespace BootcImageBuilder.Tests.Building;

public sealed class OutputStagingTests : IDisposable
{
    private readonly string _output = Directory.CreateTempSubdirectory("staging-out-").FullName;

    public void Dispose() => Directory.Delete(_output, recursive: true);

    [Fact]
    public void Artifacts_appear_under_their_final_names_only_after_promotion()
    {
        using var staging = OutputStaging.Create(_output);
        Write(Path.Combine(staging.StagingDirectory, "qcow2", "disk.qcow2"), "q");
        Write(Path.Combine(staging.StagingDirectory, "image", "disk.raw"), "r");
        Assert.False(File.Exists(Path.Combine(_output, "qcow2", "disk.qcow2")));

        var artifacts = staging.Promote([("qcow2", "qcow2/disk.qcow2"), ("raw", "image/disk.raw")]);

        Assert.Equal(
            [new Artifact("qcow2", Path.Combine(_output, "qcow2", "disk.qcow2")), new Artifact("raw", Path.Combine(_output, "image", "disk.raw"))],
            artifacts);
        Assert.Equal("q", File.ReadAllText(Path.Combine(_output, "qcow2", "disk.qcow2")));
    }

    [Fact]
    public void Two_types_sharing_one_file_both_point_at_it()
    {
        using var staging = OutputStaging.Create(_output);
        Write(Path.Combine(staging.StagingDirectory, "image", "disk.raw"), "r");

        var artifacts = staging.Promote([("raw", "image/disk.raw"), ("ami", "image/disk.raw")]);

        Assert.Equal(["raw", "ami"], artifacts.Select(a => a.ImageType));
        Assert.All(artifacts, a => Assert.Equal(Path.Combine(_output, "image", "disk.raw"), a.Path));
    }

    [Fact]
    public void Artifacts_are_listed_in_the_order_the_types_were_requested()
    {
        using var staging = OutputStaging.Create(_output);
        Write(Path.Combine(staging.StagingDirectory, "image", "disk.raw"), "r");
        Write(Path.Combine(staging.StagingDirectory, "qcow2", "disk.qcow2"), "q");

        var artifacts = staging.Promote([("raw", "image/disk.raw"), ("ami", "image/disk.raw"), ("qcow2", "qcow2/disk.qcow2")]);

        Assert.Equal(["raw", "ami", "qcow2"], artifacts.Select(a => a.ImageType));
    }

    [Fact]
    public void A_previous_artifact_is_replaced()
    {
        Write(Path.Combine(_output, "qcow2", "disk.qcow2"), "old");
        using var staging = OutputStaging.Create(_output);
        Write(Path.Combine(staging.StagingDirectory, "qcow2", "disk.qcow2"), "new");

        staging.Promote([("qcow2", "qcow2/disk.qcow2")]);

        Assert.Equal("new", File.ReadAllText(Path.Combine(_output, "qcow2", "disk.qcow2")));
    }

    [Fact]
    public void A_directory_artifact_moves_whole()
    {
        using var staging = OutputStaging.Create(_output);
        Write(Path.Combine(staging.StagingDirectory, "bootc-pxe-tree", "vmlinuz"), "k");

        staging.Promote([("pxe-tar-xz", "bootc-pxe-tree")]);

        Assert.Equal("k", File.ReadAllText(Path.Combine(_output, "bootc-pxe-tree", "vmlinuz")));
    }

    [Fact]
    public void A_missing_artifact_moves_nothing()
    {
        using var staging = OutputStaging.Create(_output);
        Write(Path.Combine(staging.StagingDirectory, "qcow2", "disk.qcow2"), "q");

        var error = Assert.Throws<BibException>(() => staging.Promote([("qcow2", "qcow2/disk.qcow2"), ("vmdk", "vmdk/disk.vmdk")]));

        Assert.Equal("osbuild did not produce vmdk/disk.vmdk", error.Message);
        Assert.False(Directory.Exists(Path.Combine(_output, "qcow2")));
    }

    [Fact]
    public void Disposing_leaves_the_output_directory_as_it_was()
    {
        Write(Path.Combine(_output, "keep.txt"), "mine");
        var staging = OutputStaging.Create(_output);
        Write(Path.Combine(staging.StagingDirectory, "qcow2", "disk.qcow2.partial"), "half");

        staging.Dispose();

        Assert.Equal([Path.Combine(_output, "keep.txt")], Directory.EnumerateFileSystemEntries(_output));
    }

    private static void Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
