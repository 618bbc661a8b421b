namespace BootcImageBuilder.Cli.Tests;

/// <summary><c>upload aws</c>'s flags and its bad input, each one error line and exit 1 before AWS is contacted.</summary>
public sealed class UploadAwsCommandTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("bib-upload-args-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public void The_flags_become_the_ami_target()
    {
        var image = Image();

        var settings = RecordingHandlers.Invoke(
            "upload", "aws", "--region", "eu-west-1", "--bucket", "b", "--ami-name", "n", "--target-arch", "arm64", "--progress", "json", image).UploadAws!;

        Assert.Equal(image, settings.ImagePath);
        Assert.Equal(("eu-west-1", "b", "n"), (settings.Target.Region, settings.Target.Bucket, settings.Target.AmiName));
        Assert.Equal("arm64", settings.Target.Ec2Architecture);
        Assert.Equal(Settings.ProgressMode.Json, settings.Progress);
    }

    [Fact]
    public void A_missing_file_is_one_error_line()
    {
        var missing = Path.Combine(_work, "nope.raw");

        var result = BibProcess.Run("upload", "aws", "--region", "r", "--bucket", "b", "--ami-name", "n", missing);

        Assert.Equal($"cannot upload: open {missing}: no such file or directory", result.SingleErrorLine());
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public void Missing_flags_are_named_as_cobra_names_them()
    {
        var result = BibProcess.Run("upload", "aws", "--region", "r", Image());

        Assert.Equal("required flag(s) \"ami-name\", \"bucket\" not set", result.SingleErrorLine());
    }

    [Fact]
    public void No_file_is_one_error_line()
    {
        var result = BibProcess.Run("upload", "aws", "--region", "r", "--bucket", "b", "--ami-name", "n");

        Assert.Equal("accepts 1 arg(s), received 0", result.SingleErrorLine());
    }

    [Theory]
    [InlineData("s390x", "ec2 doesn't support the following arch: s390x")]
    [InlineData("sparc", "unsupported architecture \"sparc\"")]
    public void An_architecture_ec2_cannot_run_is_refused_before_the_upload(string arch, string message)
    {
        var result = BibProcess.Run("upload", "aws", "--region", "r", "--bucket", "b", "--ami-name", "n", "--target-arch", arch, Image());

        Assert.Equal(message, result.SingleErrorLine());
    }

    [Fact]
    public void A_directory_is_not_an_image()
    {
        var result = BibProcess.Run("upload", "aws", "--region", "r", "--bucket", "b", "--ami-name", "n", _work);

        Assert.Equal($"cannot upload: read {_work}: is a directory", result.SingleErrorLine());
    }

    [Fact]
    public void Build_refuses_an_architecture_ec2_cannot_run_before_contacting_aws()
    {
        var result = BibProcess.Run(
            "build", "--type", "ami", "--target-arch", "s390x", "--aws-region", "r", "--aws-bucket", "b", "--aws-ami-name", "n",
            "--output", Path.Combine(_work, "out"), "quay.io/x:y");

        Assert.EndsWith("cannot handle AWS setup: ec2 doesn't support the following arch: s390x", result.ErrorMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_credentials_are_one_error_line_naming_the_providers_tried()
    {
        var result = await BibProcess.RunAsync(
            ["upload", "aws", "--region", "us-east-1", "--bucket", "b", "--ami-name", "n", Image()],
            environment: new Dictionary<string, string?>
            {
                ["AWS_ACCESS_KEY_ID"] = null,
                ["AWS_SECRET_ACCESS_KEY"] = null,
                ["AWS_SESSION_TOKEN"] = null,
                ["AWS_PROFILE"] = null,
                ["AWS_CONFIG_FILE"] = Path.Combine(_work, "no-config"),
                ["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(_work, "no-credentials"),
                ["AWS_EC2_METADATA_DISABLED"] = "true",
                ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:9",
            });

        Assert.StartsWith(
            "cannot upload AMI: cannot set up the AWS clients: Failed to resolve AWS credentials.", result.SingleErrorLine(), StringComparison.Ordinal);
    }

    private string Image()
    {
        var path = Path.Combine(_work, "disk.raw");
        File.WriteAllBytes(path, new byte[4096]);
        return path;
    }
}
