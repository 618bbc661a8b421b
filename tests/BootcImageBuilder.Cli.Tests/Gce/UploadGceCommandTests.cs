using System.Diagnostics;
using System.Text.Json;

namespace BootcImageBuilder.Cli.Tests.Gce;

/// <summary><see cref="UploadGceCommandTests"/> with storage as an emulator (STORAGE_EMULATOR_HOST, no token).</summary>
public sealed class UploadGceWithStorageEmulatorTests() : UploadGceCommandTests(storageIsEmulator: true);

/// <summary><see cref="UploadGceCommandTests"/> with storage as the real service (BIB_GCE_STORAGE_ENDPOINT, the issued token on every call).</summary>
public sealed class UploadGceWithAuthenticatedStorageTests() : UploadGceCommandTests(storageIsEmulator: false);

/// <summary>
/// <c>upload gce</c> run as a process against <see cref="GoogleCloudTestServer"/>: Compute through
/// BIB_GCE_COMPUTE_ENDPOINT, credentials from a service-account key file, storage as each subclass says.
/// </summary>
public abstract class UploadGceCommandTests : IDisposable
{
    private const string Project = "bib-test-project";
    private const string Bucket = "bib-test-bucket";
    private const string ImageName = "my-bootc-image";

    // Over one 16 MiB chunk, so the upload takes several requests and a 308 in between.
    private const int DiskBytes = (20 * 1024 * 1024) + 12345;

    private readonly GoogleCloudTestServer _server;
    private readonly GceArchive _archive = new(DiskBytes);

    protected UploadGceCommandTests(bool storageIsEmulator) => _server = new GoogleCloudTestServer(Project, Bucket, storageIsEmulator);

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _server.Dispose();
            _archive.Dispose();
        }
    }

    [Fact]
    public async Task Upload_creates_the_image_from_the_uploaded_archive_and_deletes_the_object()
    {
        var result = await RunAsync("--log-level", "debug", "upload", "gce", "--project", Project, "--bucket", Bucket, "--image-name", ImageName, _archive.Path);

        Assert.True(result.ExitCode == 0, result.Stderr);
        var lines = result.Stdout.TrimEnd('\n').Split('\n');
        Assert.Equal($"Uploading {_archive.Path} to gs://{Bucket}", lines[0]);
        Assert.Contains("] 100.00% ", lines[^2], StringComparison.Ordinal);
        Assert.Equal($"GCE image registered: {ImageName}", lines[^1]);
        Assert.Empty(_server.Refusals);
        var image = Assert.Single(_server.Compute.Images);
        Assert.Equal(ImageName, image.Key);
        var deleted = Assert.Single(_server.Storage.DeletedObjects);
        Assert.Equal(_archive.Bytes, deleted.Data);
        Assert.Equal("application/gzip", deleted.ContentType);
        Assert.Matches($"^{ImageName}-[0-9a-f]{{12}}\\.tar\\.gz$", deleted.Name);
        Assert.Equal(
            $$"""{"name":"{{ImageName}}","rawDisk":{"source":"https://storage.googleapis.com/{{Bucket}}/{{deleted.Name}}","containerType":"TAR"},"guestOsFeatures":[{"type":"UEFI_COMPATIBLE"},{"type":"VIRTIO_SCSI_MULTIQUEUE"}]}""",
            image.Value.GetRawText());
        Assert.Empty(_server.Storage.Objects);
        Assert.Equal(0, _server.Storage.OpenSessions);
        Assert.True(_server.Requests.Count(r => r.StartsWith("PUT /upload/storage/v1/", StringComparison.Ordinal)) >= 2);
        Assert.Contains("GET /compute/v1/projects/bib-test-project/global/operations/operation-1-bib-test", _server.Requests);
        AssertNoSecret(result);
    }

    [Fact]
    public async Task A_failed_import_is_one_error_line_and_the_object_is_deleted()
    {
        _server.Compute.FailImportWith = "The image archive could not be read.";

        var result = await RunAsync("--log-level", "debug", "upload", "gce", "--project", Project, "--bucket", Bucket, "--image-name", ImageName, _archive.Path);

        Assert.Equal($"cannot create GCE image {ImageName}: The image archive could not be read.", result.ErrorMessage());
        Assert.Empty(_server.Refusals);
        Assert.Empty(_server.Compute.Images);
        Assert.Single(_server.Storage.DeletedObjects);
        Assert.Empty(_server.Storage.Objects);
        AssertNoSecret(result);
    }

    [Fact]
    public async Task An_image_name_already_taken_is_refused_before_the_upload()
    {
        _server.Compute.Images[ImageName] = JsonDocument.Parse("{}").RootElement;

        var result = await RunAsync("upload", "gce", "--project", Project, "--bucket", Bucket, "--image-name", ImageName, _archive.Path);

        Assert.Equal($"cannot upload GCE image: image {ImageName} already exists in project {Project}", result.ErrorMessage());
        Assert.Empty(_server.Refusals);
        Assert.DoesNotContain(_server.Requests, r => r.StartsWith("POST /upload/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_key_the_token_endpoint_refuses_is_one_error_before_the_upload()
    {
        using var otherKey = new ServiceAccountKey(_server.Key.TokenUri);
        var environment = _server.ToolEnvironment();
        environment["GOOGLE_APPLICATION_CREDENTIALS"] = otherKey.FilePath;

        var result = await BibProcess.RunAsync(
            ["upload", "gce", "--project", Project, "--bucket", Bucket, "--image-name", ImageName, _archive.Path], environment: environment);

        Assert.Equal("cannot upload GCE image: cannot get a Google access token: invalid_grant: Invalid JWT Signature.", result.ErrorMessage());
        Assert.DoesNotContain(_server.Requests, r => r.StartsWith("POST /upload/", StringComparison.Ordinal));
        Assert.Empty(_server.Compute.Images);
        Assert.DoesNotContain(otherKey.PrivateKeyFragments, fragment => result.Stderr.Contains(fragment, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_missing_bucket_is_refused_before_the_upload()
    {
        var result = await RunAsync("upload", "gce", "--project", Project, "--bucket", "no-such-bucket", "--image-name", ImageName, _archive.Path);

        Assert.Equal("cannot upload GCE image: bucket no-such-bucket does not exist", result.ErrorMessage());
        Assert.Equal(["GET /storage/v1/b/no-such-bucket"], _server.Requests.Where(r => r != "POST /token"));
    }

    [Fact]
    public async Task An_account_without_bucket_read_permission_still_uploads()
    {
        _server.Storage.BucketMetadataForbidden = true;

        var result = await RunAsync("upload", "gce", "--project", Project, "--bucket", Bucket, "--image-name", ImageName, _archive.Path);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.True(_server.Compute.Images.ContainsKey(ImageName));
        Assert.Empty(_server.Storage.Objects);
    }

    [Fact]
    public async Task Json_progress_counts_the_uploaded_bytes_and_ends_with_the_image()
    {
        var result = await RunAsync("upload", "gce", "--progress", "json", "--project", Project, "--bucket", Bucket, "--image-name", ImageName, _archive.Path);

        Assert.True(result.ExitCode == 0, result.Stderr);
        var events = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        var bytes = events.Where(e => e.GetProperty("type").GetString() == "progress").ToList();
        Assert.True(bytes.Count >= 2);
        Assert.All(bytes, e =>
        {
            Assert.Equal("bytes", e.GetProperty("unit").GetString());
            Assert.Equal("Uploading image.tar.gz", e.GetProperty("label").GetString());
            Assert.Equal(_archive.Bytes.Length, e.GetProperty("total").GetInt64());
        });
        var done = bytes.Select(e => e.GetProperty("done").GetInt64()).ToList();
        Assert.Equal(done.Order(), done);
        Assert.Equal(_archive.Bytes.Length, done[^1]);
        Assert.Equal($"GCE image registered: {ImageName}", events[^1].GetProperty("message").GetString());
    }

    [Fact]
    public async Task An_interrupt_during_the_upload_cancels_the_session_and_leaves_no_object()
    {
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _server.Storage.BeforeChunk = async index =>
        {
            if (index == 1)
            {
                held.TrySetResult();
                await Task.Delay(TimeSpan.FromSeconds(30));
            }
        };

        var result = await RunInterruptedAsync(held.Task);

        Assert.Equal("interrupted", result.ErrorMessage());
        Assert.Equal(1, _server.Storage.CancelledSessions);
        Assert.Equal(0, _server.Storage.OpenSessions);
        Assert.Empty(_server.Storage.Objects);
        Assert.Empty(_server.Compute.Images);
        AssertNoSecret(result);
    }

    [Fact]
    public async Task An_interrupt_while_the_image_is_imported_still_deletes_the_object()
    {
        var importing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _server.Compute.BeforeOperationGet = async () =>
        {
            importing.TrySetResult();
            await Task.Delay(TimeSpan.FromSeconds(30));
        };

        var result = await RunInterruptedAsync(importing.Task);

        Assert.Equal("interrupted", result.ErrorMessage());
        Assert.Single(_server.Storage.DeletedObjects);
        Assert.Empty(_server.Storage.Objects);
        AssertNoSecret(result);
    }

    [Fact]
    public async Task A_missing_archive_is_an_error_before_any_request()
    {
        var missing = Path.Combine(_archive.Directory, "absent.tar.gz");

        var result = await RunAsync("upload", "gce", "--project", Project, "--bucket", Bucket, "--image-name", ImageName, missing);

        Assert.Equal($"cannot upload GCE image: open {missing}: no such file or directory", result.ErrorMessage());
        Assert.Empty(_server.Requests);
    }

    [Theory]
    [InlineData("fifo", "is a named pipe, not a regular file")]
    [InlineData("/dev/zero", "is a device, not a regular file")]
    [InlineData("empty", "is empty")]
    [InlineData("link to /dev/urandom", "is a device, not a regular file")]
    public async Task An_archive_that_is_not_a_non_empty_regular_file_is_refused_before_any_request(string kind, string reason)
    {
        var path = HostileFiles.Make(_archive.Directory, kind);

        var result = await RunAsync("upload", "gce", "--project", Project, "--bucket", Bucket, "--image-name", ImageName, path);

        Assert.Equal($"cannot upload GCE image: {path}: {reason}", result.SingleErrorLine());
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task A_symlinked_archive_counts_the_bytes_of_its_target()
    {
        var link = Path.Combine(_archive.Directory, "linked.tar.gz");
        File.CreateSymbolicLink(link, _archive.Path);

        var result = await RunAsync("upload", "gce", "--progress", "json", "--project", Project, "--bucket", Bucket, "--image-name", ImageName, link);

        Assert.True(result.ExitCode == 0, result.Stderr);
        var totals = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement)
            .Where(e => e.GetProperty("type").GetString() == "progress").Select(e => e.GetProperty("total").GetInt64()).Distinct();
        Assert.Equal([_archive.Bytes.Length], totals);
    }

    [Theory]
    [InlineData("fifo", "is a named pipe, not a regular file")]
    [InlineData("/dev/zero", "is a device, not a regular file")]
    [InlineData("link to /dev/urandom", "is a device, not a regular file")]
    [InlineData("huge", "is larger than 1048576 bytes")]
    public async Task Credentials_that_are_not_a_bounded_regular_file_are_one_error_and_an_error_event(string kind, string reason)
    {
        var path = HostileFiles.Make(_archive.Directory, kind);
        var environment = _server.ToolEnvironment();
        environment["GOOGLE_APPLICATION_CREDENTIALS"] = path;

        var result = await BibProcess.RunAsync(
            ["upload", "gce", "--progress", "json", "--project", Project, "--bucket", Bucket, "--image-name", ImageName, _archive.Path], environment: environment);

        var message = $"cannot load Google credentials: GOOGLE_APPLICATION_CREDENTIALS {path}: {reason}";
        Assert.Equal(message, result.SingleErrorLine());
        Assert.Equal(message, result.ErrorEvent());
        Assert.Empty(_server.Requests);
    }

    [Theory]
    [InlineData("GET /storage/v1/b/")]
    [InlineData("POST /token")]
    [InlineData("GET /compute/v1/")]
    [InlineData("POST /upload/storage/v1/")]
    public async Task A_stalled_call_gives_way_to_an_interrupt_at_once(string call)
    {
        var stalled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _server.BeforeRequest = async request =>
        {
            if (request.StartsWith(call, StringComparison.Ordinal))
            {
                stalled.TrySetResult();
                await Task.Delay(TimeSpan.FromMinutes(3));
            }
        };
        var signalled = new Stopwatch();

        var result = await RunInterruptedAsync(stalled.Task, signalled);

        Assert.Equal("interrupted", result.ErrorMessage());
        Assert.True(signalled.Elapsed < TimeSpan.FromSeconds(15), $"exited {signalled.Elapsed} after the signal");
        Assert.Empty(_server.Storage.Objects);
        Assert.Empty(_server.Compute.Images);
    }

    [Fact]
    public async Task Server_text_reaches_the_terminal_with_control_characters_escaped()
    {
        _server.Compute.FailImportWith = "bad archive\n\u001b[2J\rcleared\u0007";

        var result = await RunAsync("upload", "gce", "--project", Project, "--bucket", Bucket, "--image-name", ImageName, _archive.Path);

        Assert.Equal($"cannot create GCE image {ImageName}: bad archive\\n\\x1b[2J\\rcleared\\x07", result.ErrorMessage());
    }

    [Fact]
    public async Task Missing_flags_are_named_and_nothing_is_sent()
    {
        var result = await RunAsync("upload", "gce", "--bucket", Bucket, _archive.Path);

        Assert.Equal("required flag(s) \"image-name\", \"project\" not set", result.SingleErrorLine());
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task A_missing_file_argument_is_an_error()
    {
        var result = await RunAsync("upload", "gce", "--project", Project, "--bucket", Bucket, "--image-name", ImageName);

        Assert.Equal("accepts 1 arg(s), received 0", result.SingleErrorLine());
    }

    [Fact]
    public async Task An_invalid_image_name_is_refused_before_any_request()
    {
        var result = await RunAsync("upload", "gce", "--project", Project, "--bucket", Bucket, "--image-name", "My_Image", _archive.Path);

        Assert.Equal(
            "cannot handle GCE setup: invalid GCE image name \"My_Image\": use 1-63 lower-case letters, digits and dashes, starting with a letter and not ending with a dash",
            result.SingleErrorLine());
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task A_bad_compute_endpoint_override_is_refused()
    {
        var environment = _server.ToolEnvironment();
        environment["BIB_GCE_COMPUTE_ENDPOINT"] = "ftp://example.invalid/";

        var result = await BibProcess.RunAsync(
            ["upload", "gce", "--project", Project, "--bucket", Bucket, "--image-name", ImageName, _archive.Path], environment: environment);

        Assert.Equal(
            "cannot handle GCE setup: BIB_GCE_COMPUTE_ENDPOINT must be an http or https URL without credentials or query",
            result.SingleErrorLine());
        Assert.Empty(_server.Requests);
    }

    private Task<BibResult> RunAsync(params string[] args) => BibProcess.RunAsync(args, environment: _server.ToolEnvironment());

    private void AssertNoSecret(BibResult result)
    {
        foreach (var secret in _server.Secrets)
        {
            Assert.DoesNotContain(secret, result.Stdout, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, result.Stderr, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("PRIVATE KEY", result.Stdout + result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("upload_id", result.Stdout + result.Stderr, StringComparison.Ordinal);
    }

    /// <summary>Runs the upload and sends it SIGINT (a terminal's Ctrl-C) once <paramref name="reached"/> completes.</summary>
    private Task<BibResult> RunInterruptedAsync(Task reached, Stopwatch? signalled = null) => BibProcess.RunAsync(
        ["upload", "gce", "--project", Project, "--bucket", Bucket, "--image-name", ImageName, _archive.Path],
        environment: _server.ToolEnvironment(),
        whileRunning: async process =>
        {
            await BibProcess.AssertTakesSigIntAsync(process.Id);
            await reached.WaitAsync(TimeSpan.FromMinutes(1));
            using var kill = Process.Start(new ProcessStartInfo("kill")
            {
                ArgumentList = { "-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                UseShellExecute = false,
            })!;
            signalled?.Start();
            await kill.WaitForExitAsync();
        });
}
