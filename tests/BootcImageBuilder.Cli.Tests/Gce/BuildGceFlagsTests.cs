using BootcImageBuilder.Upload.Gce;

namespace BootcImageBuilder.Cli.Tests.Gce;

/// <summary><c>build</c>'s <c>--gce-*</c> flags: all three or none, only with a gce type, checked before anything is built.</summary>
public sealed class BuildGceFlagsTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("bib-gce-build-").FullName;

    private string Output => Path.Combine(_root, "output");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Partial_gce_flags_name_the_missing_ones_before_anything_is_built()
    {
        var result = BibProcess.Run("build", "--type", "gce", "--output", Output, "--gce-project", "my-project", "quay.io/x:y");

        Assert.Equal(
            "if any flags in the group [gce-project gce-bucket gce-image-name] are set they must all be set; missing [gce-bucket gce-image-name]",
            result.SingleErrorLine());
        Assert.False(Directory.Exists(Output));
    }

    [Fact]
    public void Gce_flags_with_a_non_gce_type_are_refused_before_anything_is_built()
    {
        var result = BibProcess.Run(
            "build", "--type", "qcow2", "--type", "raw", "--output", Output,
            "--gce-project", "my-project", "--gce-bucket", "my-bucket", "--gce-image-name", "my-image", "quay.io/x:y");

        Assert.Equal("cannot handle GCE setup: gce flags set for non-gce image type (type is set to qcow2,raw)", result.SingleErrorLine());
        Assert.False(Directory.Exists(Output));
    }

    [Fact]
    public void An_invalid_bucket_name_is_refused_before_anything_is_built()
    {
        var result = BibProcess.Run(
            "build", "--type", "gce", "--output", Output,
            "--gce-project", "my-project", "--gce-bucket", "My Bucket", "--gce-image-name", "my-image", "quay.io/x:y");

        Assert.Equal(
            "cannot handle GCE setup: invalid GCS bucket name \"My Bucket\": use 3-63 lower-case letters, digits, dashes, underscores and dots, starting and ending with a letter or digit",
            result.SingleErrorLine());
        Assert.False(Directory.Exists(Output));
    }

    [Fact]
    public void The_gce_flags_reach_the_build_settings()
    {
        var settings = RecordingHandlers.Invoke(
            "--type", "gce", "--type", "qcow2", "--gce-project", "my-project", "--gce-bucket", "my-bucket", "--gce-image-name", "my-image",
            "quay.io/x:y").Build!;

        Assert.Equal(new GceImageRequest("my-project", "my-bucket", "my-image"), settings.Gce!.Request);
        Assert.Null(settings.Aws);
    }

    [Fact]
    public void Without_gce_flags_there_is_no_upload()
    {
        var settings = RecordingHandlers.Invoke("--type", "gce", "quay.io/x:y").Build!;

        Assert.Null(settings.Gce);
    }

    [Fact]
    public void The_upload_gce_flags_and_file_reach_its_settings()
    {
        var upload = RecordingHandlers.Invoke(
            "upload", "gce", "--project", "my-project", "--bucket", "my-bucket", "--image-name", "my-image", "--progress", "json", "out/gce/image.tar.gz").UploadGce!;

        Assert.Equal(new GceImageRequest("my-project", "my-bucket", "my-image"), upload.Gce.Request);
        Assert.Equal("out/gce/image.tar.gz", upload.ArchivePath);
        Assert.Equal(Settings.ProgressMode.Json, upload.Progress);
    }

    [Theory]
    [InlineData(new[] { "build", "--help" }, new[] { "--gce-project", "--gce-bucket", "--gce-image-name" })]
    [InlineData(new[] { "upload", "gce", "--help" }, new[] { "--project", "--bucket", "--image-name", "--progress" })]
    public void Help_lists_the_gce_flags(string[] command, string[] flags)
    {
        var result = BibProcess.Run(command);

        Assert.Equal(0, result.ExitCode);
        Assert.All(flags, flag => Assert.Contains(flag, result.Stdout, StringComparison.Ordinal));
    }
}
