using System.Diagnostics;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using BootcImageBuilder.Cli.Tests;
using BootcImageBuilder.IntegrationTests.Osbuild;
using BootcImageBuilder.Processes;

namespace BootcImageBuilder.IntegrationTests.Upload;

/// <summary>
/// A real moto server on a free 127.0.0.1 port, extended with ImportSnapshot and DescribeImportSnapshotTasks by
/// <c>moto_with_import_snapshot.py</c>, and the environment that points the tool (and the SDK in this process) at it.
/// The credentials are markers, so a test can assert that they never appear in what the tool prints. Starts on first
/// use; without <c>moto_server</c> the test is skipped, or fails under <c>CI=true</c> (scripts/setup-host.sh checks it).
/// </summary>
public sealed class MotoServer : IDisposable
{
    public const string Region = "us-east-1";

    /// <summary>Listed by AWS as an opt-in region; the launcher leaves it out of DescribeRegions as for an account without it.</summary>
    public const string DisabledRegion = "me-south-1";

    /// <summary>The service role ImportSnapshot uses when none is named, as AWS's VM Import documents it.</summary>
    public const string ImportRole = "vmimport";

    private readonly Lazy<Task<Uri>> _started;
    private Process? _process;

    public MotoServer()
    {
        _started = new Lazy<Task<Uri>>(StartAsync);
        var marker = Guid.NewGuid().ToString("N");
        AccessKeyId = "AKIA" + marker[..16].ToUpperInvariant();
        SecretAccessKey = "secret-key-" + marker;
        SessionToken = "session-token-" + marker;
    }

    public string AccessKeyId { get; }

    public string SecretAccessKey { get; }

    public string SessionToken { get; }

    public IReadOnlyList<string> Secrets => [AccessKeyId, SecretAccessKey, SessionToken];

    public Uri Endpoint => _started.IsValueCreated && _started.Value.IsCompletedSuccessfully
        ? _started.Value.Result
        : throw new InvalidOperationException("call EnsureStartedAsync first");

    /// <summary>What the tool's process gets: only the standard variables, and no profile files from this machine.</summary>
    public Dictionary<string, string?> ToolEnvironment() => new()
    {
        ["AWS_ENDPOINT_URL"] = Endpoint.ToString(),
        ["AWS_ACCESS_KEY_ID"] = AccessKeyId,
        ["AWS_SECRET_ACCESS_KEY"] = SecretAccessKey,
        ["AWS_SESSION_TOKEN"] = SessionToken,
        ["AWS_CONFIG_FILE"] = "/nonexistent/aws-config",
        ["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/aws-credentials",
        ["AWS_EC2_METADATA_DISABLED"] = "true",
        ["AWS_PROFILE"] = null,
        ["AWS_REGION"] = null,
        ["AWS_DEFAULT_REGION"] = null,
    };

    public async Task EnsureStartedAsync()
    {
        if (ExecutableLookup.Find("moto_server") is null)
        {
            RealOsbuild.SkipOrFail("moto_server is not on PATH (scripts/setup-host.sh installs moto[server])");
        }

        await _started.Value;
    }

    /// <summary>The <c>vmimport</c> role as an account set up for VM Import has it; made when the server starts.</summary>
    private static readonly (string Name, string Value)[] CreateImportRole =
    [
        ("Action", "CreateRole"),
        ("RoleName", ImportRole),
        ("AssumeRolePolicyDocument", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"vmie.amazonaws.com"},"Action":"sts:AssumeRole"}]}"""),
    ];

    /// <summary>Runs <paramref name="work"/> in an account without the <c>vmimport</c> role, and gives the role back after.</summary>
    public async Task WithoutImportRoleAsync(Func<Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await IamAsync(Endpoint, ("Action", "DeleteRole"), ("RoleName", ImportRole));
        try
        {
            await work();
        }
        finally
        {
            await IamAsync(Endpoint, CreateImportRole);
        }
    }

    /// <summary>
    /// An IAM query call; moto routes it by the credential scope of the Authorization header and checks no
    /// signature (the IAM client package is not among the test's dependencies).
    /// </summary>
    private async Task IamAsync(Uri endpoint, params (string Name, string Value)[] parameters)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new FormUrlEncodedContent(parameters.Select(p => KeyValuePair.Create(p.Name, p.Value)).Append(KeyValuePair.Create("Version", "2010-05-08"))),
        };
        request.Headers.TryAddWithoutValidation(
            "Authorization", $"AWS4-HMAC-SHA256 Credential={AccessKeyId}/20250101/{Region}/iam/aws4_request, SignedHeaders=host, Signature=0");
        using var response = await http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"IAM {parameters[0].Value}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public IAmazonS3 S3() => new AmazonS3Client(
        new SessionAWSCredentials(AccessKeyId, SecretAccessKey, SessionToken),
        new AmazonS3Config { ServiceURL = Endpoint.ToString(), ForcePathStyle = true, AuthenticationRegion = Region });

    public IAmazonEC2 Ec2() => new AmazonEC2Client(
        new SessionAWSCredentials(AccessKeyId, SecretAccessKey, SessionToken),
        new AmazonEC2Config { ServiceURL = Endpoint.ToString(), AuthenticationRegion = Region });

    public async Task<string> CreateBucketAsync(string prefix)
    {
        var name = $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 33, 63)];
        using var s3 = S3();
        await s3.PutBucketAsync(new PutBucketRequest { BucketName = name });
        return name;
    }

    /// <summary>Replaces the bucket's ACL with a single READ grant to its owner: GetBucketAcl then shows no WRITE.</summary>
    public async Task MakeReadOnlyAsync(string bucket)
    {
        using var s3 = S3();
        var acl = await s3.GetBucketAclAsync(new GetBucketAclRequest { BucketName = bucket });
        await s3.PutBucketAclAsync(new PutBucketAclRequest { BucketName = bucket, GrantRead = $"id={acl.Owner.Id}" });
    }

    public async Task<List<string>> ObjectKeysAsync(string bucket)
    {
        using var s3 = S3();
        var listed = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket });
        return (listed.S3Objects ?? []).Select(o => o.Key).ToList();
    }

    public async Task<List<string>> PendingMultipartUploadsAsync(string bucket)
    {
        using var s3 = S3();
        var listed = await s3.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = bucket });
        return (listed.MultipartUploads ?? []).Select(u => u.Key).ToList();
    }

    public async Task<Image> ImageAsync(string imageId)
    {
        using var ec2 = Ec2();
        var images = await ec2.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = [imageId] });
        return Assert.Single(images.Images);
    }

    public async Task<Snapshot> SnapshotAsync(string snapshotId)
    {
        using var ec2 = Ec2();
        var snapshots = await ec2.DescribeSnapshotsAsync(new DescribeSnapshotsRequest { SnapshotIds = [snapshotId] });
        return Assert.Single(snapshots.Snapshots);
    }

    public async Task<List<Image>> ImagesNamedAsync(string name)
    {
        using var ec2 = Ec2();
        var images = await ec2.DescribeImagesAsync(new DescribeImagesRequest { Filters = [new Amazon.EC2.Model.Filter("name", [name])] });
        return images.Images ?? [];
    }

    public void Dispose()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process?.Dispose();
    }

    private async Task<Uri> StartAsync()
    {
        var port = LoopbackHttp.FreePort();
        var start = new ProcessStartInfo(PythonOfMotoServer())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Upload", "moto_with_import_snapshot.py"));
        foreach (var arg in new[] { "-H", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["MOTO_DISABLED_REGIONS"] = DisabledRegion;
        _process = Process.Start(start)!;
        // Drained so a chatty server never blocks on a full pipe.
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var endpoint = new Uri($"http://127.0.0.1:{port}");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(_process.HasExited, $"moto exited with code {(_process.HasExited ? _process.ExitCode : 0)}");
            try
            {
                using var response = await http.GetAsync(new Uri(endpoint, "/moto-api/"));
                await IamAsync(endpoint, CreateImportRole);
                return endpoint;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                await Task.Delay(200);
            }
        }

        throw new TimeoutException("moto did not answer within 30 seconds");
    }

    /// <summary>
    /// The interpreter named by <c>moto_server</c>'s first line (a virtual environment's), else <c>python3</c> from
    /// PATH, where moto_server is a wrapper such as a pyenv shim.
    /// </summary>
    private static string PythonOfMotoServer()
    {
        var script = ExecutableLookup.Find("moto_server")!;
        using var reader = new StreamReader(script);
        var first = reader.ReadLine() ?? "";
        var interpreter = first.StartsWith("#!", StringComparison.Ordinal) ? first[2..].Trim() : "";
        return interpreter.Contains("python", StringComparison.Ordinal) && !interpreter.Contains(' ', StringComparison.Ordinal) && File.Exists(interpreter)
            ? interpreter
            : "python3";
    }
}
