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
            environment: NoAws());

        Assert.StartsWith(
            "cannot upload AMI: cannot set up the AWS clients: Failed to resolve AWS credentials.", result.SingleErrorLine(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fifo", "is a named pipe, not a regular file")]
    [InlineData("/dev/zero", "is a device, not a regular file")]
    [InlineData("empty", "is empty")]
    [InlineData("link to /dev/urandom", "is a device, not a regular file")]
    public async Task An_image_that_is_not_a_non_empty_regular_file_is_refused_before_aws(string kind, string reason)
    {
        var path = HostileFiles.Make(_work, kind);

        var result = await BibProcess.RunAsync(
            ["upload", "aws", "--progress", "json", "--region", "us-east-1", "--bucket", "b", "--ami-name", "n", path], environment: NoAws());

        var message = $"cannot upload: {path}: {reason}";
        Assert.Equal(message, result.SingleErrorLine());
        Assert.Equal(message, result.ErrorEvent());
    }

    [Theory]
    [InlineData("AWS_SHARED_CREDENTIALS_FILE", "fifo", "is a named pipe, not a regular file")]
    [InlineData("AWS_SHARED_CREDENTIALS_FILE", "/dev/zero", "is a device, not a regular file")]
    [InlineData("AWS_SHARED_CREDENTIALS_FILE", "link to /dev/urandom", "is a device, not a regular file")]
    [InlineData("AWS_SHARED_CREDENTIALS_FILE", "huge", "is larger than 1048576 bytes")]
    [InlineData("AWS_CONFIG_FILE", "fifo", "is a named pipe, not a regular file")]
    [InlineData("AWS_CONFIG_FILE", "/dev/urandom", "is a device, not a regular file")]
    public async Task A_credentials_file_that_is_not_a_bounded_regular_file_is_one_error_and_an_error_event(string variable, string kind, string reason)
    {
        var path = HostileFiles.Make(_work, kind);
        var environment = NoAws();
        environment[variable] = path;

        var result = await BibProcess.RunAsync(
            ["upload", "aws", "--progress", "json", "--region", "us-east-1", "--bucket", "b", "--ami-name", "n", Image()], environment: environment);

        var message = $"cannot upload AMI: cannot set up the AWS clients: {variable} {path}: {reason}";
        Assert.Equal(message, result.SingleErrorLine());
        Assert.Equal(message, result.ErrorEvent());
    }

    [Fact]
    public async Task A_credentials_file_that_is_not_ini_text_is_one_error_line()
    {
        var garbage = Path.Combine(_work, "garbage");
        File.WriteAllBytes(garbage, [.. "[default\n\0\xff\xfe"u8, 0xff, 0x00, 0x80]);
        var environment = NoAws();
        environment["AWS_SHARED_CREDENTIALS_FILE"] = garbage;

        var result = await BibProcess.RunAsync(["upload", "aws", "--region", "us-east-1", "--bucket", "b", "--ami-name", "n", Image()], environment: environment);

        Assert.StartsWith("cannot upload AMI: cannot set up the AWS clients: ", result.SingleErrorLine(), StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", result.Stderr, StringComparison.Ordinal);
    }

    /// <summary>No credentials anywhere, and an endpoint nothing answers on.</summary>
    private Dictionary<string, string?> NoAws() => new()
    {
        ["AWS_ACCESS_KEY_ID"] = null,
        ["AWS_SECRET_ACCESS_KEY"] = null,
        ["AWS_SESSION_TOKEN"] = null,
        ["AWS_PROFILE"] = null,
        ["AWS_CONFIG_FILE"] = Path.Combine(_work, "no-config"),
        ["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(_work, "no-credentials"),
        ["AWS_EC2_METADATA_DISABLED"] = "true",
        ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:9",
    };

    private string Image()
    {
        var path = Path.Combine(_work, "disk.raw");
        File.WriteAllBytes(path, new byte[4096]);
        return path;
    }
}
