using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using BootcImageBuilder.Cli.Tests;

namespace BootcImageBuilder.IntegrationTests.Upload;

/// <summary><c>bootc-image-builder upload aws</c> as a process against a real moto server.</summary>
public sealed partial class AwsUploadCommandTests(MotoServer moto) : IClassFixture<MotoServer>, IDisposable
{
    private const long MiB = 1024 * 1024;

    private readonly string _work = Directory.CreateTempSubdirectory("bib-upload-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [SkippableFact]
    public async Task Upload_registers_a_tagged_ami_on_a_tagged_snapshot_and_leaves_the_bucket_empty()
    {
        await moto.EnsureStartedAsync();
        var bucket = await moto.CreateBucketAsync("images");
        // Two parts and a bit: 16 MiB parts, the last one short.
        var image = RandomImage(33 * MiB + 5);
        var name = "ami-" + Guid.NewGuid().ToString("N")[..8];

        var result = await UploadAsync("--region", MotoServer.Region, "--bucket", bucket, "--ami-name", name, "--target-arch", "aarch64", image);

        Assert.True(result.ExitCode == 0, result.Stderr);
        var lines = result.Stdout.Split('\n');
        var key = Assert.Single(lines, l => l.StartsWith($"Uploading {name} to {bucket}:", StringComparison.Ordinal))[$"Uploading {name} to {bucket}:".Length..];
        Assert.Matches($"^[0-9a-f]{{8}}-[0-9a-f]{{4}}-[0-9a-f]{{4}}-[0-9a-f]{{4}}-[0-9a-f]{{12}}-{name}$", key);
        Assert.Contains("] 100.00%", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"Registering AMI {name}", lines);
        Assert.Contains($"Deleted S3 object {bucket}:{key}", lines);
        var amiId = AmiRegistered().Match(result.Stdout).Groups[1].Value;
        var snapshotId = SnapshotIdLine().Match(result.Stdout).Groups[1].Value;

        var ami = await moto.ImageAsync(amiId);
        Assert.Equal(name, ami.Name);
        Assert.Equal("arm64", ami.Architecture.Value);
        Assert.Equal("hvm", ami.VirtualizationType.Value);
        Assert.True(ami.EnaSupport);
        Assert.Equal("/dev/sda1", ami.RootDeviceName);
        var root = Assert.Single(ami.BlockDeviceMappings);
        Assert.Equal("/dev/sda1", root.DeviceName);
        Assert.Equal(snapshotId, root.Ebs.SnapshotId);
        Assert.Contains(ami.Tags, t => t.Key == "Name" && t.Value == name);
        var snapshot = await moto.SnapshotAsync(snapshotId);
        Assert.Equal($"Image Builder AWS Import of {name}", snapshot.Description);
        Assert.Equal(1, snapshot.VolumeSize);
        Assert.Contains(snapshot.Tags, t => t.Key == "Name" && t.Value == name);
        Assert.Empty(await moto.ObjectKeysAsync(bucket));
        Assert.Empty(await moto.PendingMultipartUploadsAsync(bucket));
    }

    [SkippableFact]
    public async Task The_target_architecture_defaults_to_this_machines()
    {
        await moto.EnsureStartedAsync();
        var bucket = await moto.CreateBucketAsync("images");
        var name = "ami-" + Guid.NewGuid().ToString("N")[..8];

        var result = await UploadAsync("--region", MotoServer.Region, "--bucket", bucket, "--ami-name", name, RandomImage(MiB));

        Assert.True(result.ExitCode == 0, result.Stderr);
        var ami = await moto.ImageAsync(AmiRegistered().Match(result.Stdout).Groups[1].Value);
        Assert.Equal(Arch.Current == Arch.Aarch64 ? "arm64" : "x86_64", ami.Architecture.Value);
    }

    [SkippableFact]
    public async Task A_region_the_account_does_not_have_fails_the_first_check()
    {
        await moto.EnsureStartedAsync();
        var bucket = await moto.CreateBucketAsync("images");

        var result = await UploadAsync("--region", MotoServer.DisabledRegion, "--bucket", bucket, "--ami-name", "n", RandomImage(MiB));

        Assert.Equal($"cannot upload AMI: given AWS region '{MotoServer.DisabledRegion}' not found", result.SingleErrorLine());
        Assert.Empty(result.Stdout);
    }

    [SkippableFact]
    public async Task A_bucket_outside_the_account_fails_the_second_check()
    {
        await moto.EnsureStartedAsync();

        var result = await UploadAsync("--region", MotoServer.Region, "--bucket", "no-such-bucket-here", "--ami-name", "n", RandomImage(MiB));

        Assert.Equal("cannot upload AMI: bucket 'no-such-bucket-here' not found in the given AWS account", result.SingleErrorLine());
    }

    [SkippableFact]
    public async Task A_bucket_whose_acl_grants_no_write_fails_the_third_check()
    {
        await moto.EnsureStartedAsync();
        var bucket = await moto.CreateBucketAsync("readonly");
        await moto.MakeReadOnlyAsync(bucket);

        var result = await UploadAsync("--region", MotoServer.Region, "--bucket", bucket, "--ami-name", "n", RandomImage(MiB));

        Assert.Equal($"cannot upload AMI: you don't have write permissions to bucket '{bucket}' with the given AWS account", result.SingleErrorLine());
        Assert.Empty(await moto.ObjectKeysAsync(bucket));
    }

    [SkippableFact]
    public async Task An_image_the_import_finds_not_raw_fails_the_task_deletes_the_object_and_registers_nothing()
    {
        await moto.EnsureStartedAsync();
        var bucket = await moto.CreateBucketAsync("images");
        var name = $"qcow2-{Guid.NewGuid():N}";

        var result = await UploadAsync("--region", MotoServer.Region, "--bucket", bucket, "--ami-name", name, Qcow2Image());

        Assert.Equal(
            "cannot upload AMI: Unable to import snapshot, task result: deleted, msg: ClientError: Disk validation failed [Unsupported specified file format]",
            result.SingleErrorLine());
        Assert.Matches($"(?m)^Deleted S3 object {bucket}:", result.Stdout);
        Assert.Empty(await moto.ObjectKeysAsync(bucket));
        Assert.Empty(await moto.PendingMultipartUploadsAsync(bucket));
        Assert.Empty(await moto.ImagesNamedAsync(name));
    }

    [SkippableFact]
    public async Task An_account_without_the_vmimport_role_is_refused_as_aws_refuses_it_and_the_object_is_deleted()
    {
        await moto.EnsureStartedAsync();
        var bucket = await moto.CreateBucketAsync("images");
        BibResult? result = null;

        await moto.WithoutImportRoleAsync(async () =>
            result = await UploadAsync("--progress", "json", "--region", MotoServer.Region, "--bucket", bucket, "--ami-name", "no-role", RandomImage(MiB)));

        Assert.Matches(
            "^cannot upload AMI: https response error StatusCode: 400, RequestID: [^,]+, api error InvalidParameter: The service role vmimport provided does not exist or does not have sufficient permissions$",
            result!.SingleErrorLine());
        Assert.Equal(result.SingleErrorLine(), result.ErrorEvent());
        Assert.Empty(await moto.ObjectKeysAsync(bucket));
        Assert.Empty(await moto.ImagesNamedAsync("no-role"));
    }

    [SkippableFact]
    public async Task Json_progress_reports_the_bytes_of_a_linked_image_and_the_status_as_events_only()
    {
        await moto.EnsureStartedAsync();
        var bucket = await moto.CreateBucketAsync("images");
        var size = 20 * MiB;
        var link = Path.Combine(_work, "linked.raw");
        File.CreateSymbolicLink(link, RandomImage(size));

        var result = await UploadAsync("--progress", "json", "--region", MotoServer.Region, "--bucket", bucket, "--ami-name", "json-ami", link);

        Assert.True(result.ExitCode == 0, result.Stderr);
        var events = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var bytes = events.Where(e => e.GetProperty("type").GetString() == "progress").ToList();
        Assert.NotEmpty(bytes);
        Assert.All(bytes, e => Assert.Equal("bytes", e.GetProperty("unit").GetString()));
        Assert.All(bytes, e => Assert.Equal(size, e.GetProperty("total").GetInt64()));
        Assert.Equal(size, bytes[^1].GetProperty("done").GetInt64());
        var done = bytes.Select(e => e.GetProperty("done").GetInt64()).ToList();
        Assert.Equal(done.Order(), done);
        Assert.Contains(done, d => d > 0 && d < size);
        var messages = events.Where(e => e.GetProperty("type").GetString() == "message").Select(e => e.GetProperty("message").GetString()!).ToList();
        Assert.Contains(messages, m => m.StartsWith("AMI registered: ami-", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("Snapshot ID: snap-", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Credentials_never_appear_in_the_output_of_a_success_or_a_failure()
    {
        await moto.EnsureStartedAsync();
        var bucket = await moto.CreateBucketAsync("images");
        var image = RandomImage(MiB);

        var runs = new[]
        {
            await UploadAsync("--log-level", "debug", "--region", MotoServer.Region, "--bucket", bucket, "--ami-name", "quiet", image),
            await UploadAsync("--log-level", "debug", "--region", MotoServer.Region, "--bucket", bucket, "--ami-name", "not-raw", Qcow2Image()),
            await UploadAsync("--log-level", "debug", "--region", MotoServer.Region, "--bucket", "missing-bucket", "--ami-name", "n", image),
        };

        Assert.Equal([0, 1, 1], runs.Select(r => r.ExitCode));
        foreach (var run in runs)
        {
            foreach (var secret in moto.Secrets)
            {
                Assert.DoesNotContain(secret, run.Stdout + run.Stderr, StringComparison.Ordinal);
            }
        }
    }

    [SkippableFact]
    public async Task Interrupting_the_upload_leaves_no_object_and_no_multipart_upload()
    {
        await moto.EnsureStartedAsync();
        var bucket = await moto.CreateBucketAsync("interrupted");
        var image = Path.Combine(_work, "big.raw");
        using (var file = File.Create(image))
        {
            // Sparse: quick to make, and long enough to send that the signal lands mid-upload.
            file.SetLength(1024 * MiB);
        }

        var result = await BibProcess.RunAsync(
            ["upload", "aws", "--region", MotoServer.Region, "--bucket", bucket, "--ami-name", "interrupted", image],
            environment: moto.ToolEnvironment(),
            whileRunning: async process =>
            {
                await BibProcess.AssertTakesSigIntAsync(process.Id);
                var deadline = Stopwatch.StartNew();
                while ((await moto.PendingMultipartUploadsAsync(bucket)).Count == 0)
                {
                    Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(60), "the upload never started");
                    await Task.Delay(50);
                }

                await Task.Delay(300);
                using var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
                await kill.WaitForExitAsync();
            });

        Assert.Equal("interrupted", result.SingleErrorLine());
        Assert.DoesNotContain("] 100.00%", result.Stdout, StringComparison.Ordinal);
        Assert.Empty(await moto.ObjectKeysAsync(bucket));
        Assert.Empty(await moto.PendingMultipartUploadsAsync(bucket));
    }

    [SkippableTheory]
    [InlineData("ec2", 401, "AuthFailure", "AWS was not able to validate the provided access credentials",
        "retrieving AWS regions for 'us-east-1' failed: https response error StatusCode: 401, RequestID: req-0001, api error AuthFailure: AWS was not able to validate the provided access credentials")]
    [InlineData("ec2", 400, "RequestExpired", "Request has expired.",
        "retrieving AWS regions for 'us-east-1' failed: https response error StatusCode: 400, RequestID: req-0001, api error RequestExpired: Request has expired.")]
    [InlineData("s3", 403, "InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records.",
        "retrieving AWS list of buckets failed: https response error StatusCode: 403, RequestID: req-0001, api error InvalidAccessKeyId: The AWS Access Key Id you provided does not exist in our records.")]
    [InlineData("s3", 400, "ExpiredToken", "The provided token has expired.",
        "retrieving AWS list of buckets failed: https response error StatusCode: 400, RequestID: req-0001, api error ExpiredToken: The provided token has expired.")]
    [InlineData("s3", 403, "AccessDenied", "Access Denied",
        "retrieving AWS list of buckets failed: https response error StatusCode: 403, RequestID: req-0001, api error AccessDenied: Access Denied")]
    [InlineData("s3", 500, "InternalError", "We encountered an internal error. Please try again.",
        "retrieving AWS list of buckets failed: https response error StatusCode: 500, RequestID: req-0001, api error InternalError: We encountered an internal error. Please try again.")]
    [InlineData("s3", 200, "not-xml", "",
        "retrieving AWS list of buckets failed: deserialization failed: the body is not the XML AWS sends")]
    [InlineData("s3", 403, "AccessDenied", "echo",
        "retrieving AWS list of buckets failed: https response error StatusCode: 403, RequestID: req-0001, api error AccessDenied: ")]
    [InlineData("s3", 404, "NoSuchUpload", "The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.",
        "https response error StatusCode: 404, RequestID: req-0001, api error NoSuchUpload: The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.")]
    public async Task A_service_refusal_is_upstreams_message_and_an_error_event_with_no_secret_in_any_log_line(
        string service, int status, string code, string message, string expected)
    {
        await moto.EnsureStartedAsync();
        var bucket = await moto.CreateBucketAsync("refused");
        using var endpoint = new AwsErrorEndpoint(bucket, status, code, message);
        var environment = moto.ToolEnvironment();
        environment[service == "ec2" ? "AWS_ENDPOINT_URL_EC2" : "AWS_ENDPOINT_URL_S3"] = endpoint.Uri.ToString();

        var result = await BibProcess.RunAsync(
            ["upload", "aws", "--log-level", "debug", "--progress", "json", "--region", MotoServer.Region, "--bucket", bucket, "--ami-name", "refused", RandomImage(MiB)],
            environment: environment);

        var error = result.ErrorMessage();
        Assert.StartsWith("cannot upload AMI: " + expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error);
        Assert.Equal(error, result.ErrorEvent());
        Assert.NotEmpty(endpoint.Signatures);
        foreach (var secret in moto.Secrets.Concat(endpoint.Signatures))
        {
            Assert.DoesNotContain(secret, result.Stdout + result.Stderr, StringComparison.Ordinal);
        }

        Assert.Empty(await moto.ObjectKeysAsync(bucket));
    }

    private Task<BibResult> UploadAsync(params string[] args) =>
        BibProcess.RunAsync(["upload", "aws", .. args], environment: moto.ToolEnvironment());

    /// <summary>A qcow2 header (magic, version 3) and random bytes: an image the import refuses as not raw.</summary>
    private string Qcow2Image()
    {
        var path = RandomImage(2 * MiB);
        using var file = File.OpenWrite(path);
        file.Write([(byte)'Q', (byte)'F', (byte)'I', 0xfb, 0, 0, 0, 3]);
        return path;
    }

    private string RandomImage(long size)
    {
        var path = Path.Combine(_work, $"{Guid.NewGuid():N}.raw");
        var bytes = new byte[size];
        Random.Shared.NextBytes(bytes);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [GeneratedRegex(@"(?m)^AMI registered: (ami-[0-9a-f]+)$")]
    private static partial Regex AmiRegistered();

    [GeneratedRegex(@"(?m)^Snapshot ID: (snap-[0-9a-f]+)$")]
    private static partial Regex SnapshotIdLine();
}
