using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;

namespace BootcImageBuilder.Cli.Tests.Gce;

/// <summary>
/// One local HTTP server playing the three Google services the GCE upload talks to, each as Google documents it:
/// the OAuth 2.0 token endpoint, the Cloud Storage JSON API (resumable uploads, object delete) and the Compute
/// Engine API (<c>images.insert</c>, <c>globalOperations.get</c>). A request the real service would refuse is
/// refused the same way and recorded in <see cref="Refusals"/>, so a test can tell a correct client from a lucky one.
/// </summary>
internal sealed class GoogleCloudTestServer : IDisposable
{
    private readonly HttpListener _listener;
    private readonly ServiceAccountKeyHolder _keys = new();
    private readonly Task _loop;

    public GoogleCloudTestServer(string project, string bucket, bool storageIsEmulator = true)
    {
        (_listener, BaseUri) = LoopbackHttp.Listen();
        StorageIsEmulator = storageIsEmulator;
        Key = new ServiceAccountKey(new Uri(BaseUri, "token"));
        _keys.Current = Key;
        Tokens = new OAuthTokenEndpoint(_keys, this);
        Storage = new StorageJsonApi(this, bucket);
        Compute = new ComputeRestApi(this, project);
        _loop = Task.Run(() => LoopbackHttp.ServeAsync(_listener, DispatchAsync));
    }

    public Uri BaseUri { get; }

    /// <summary>The Cloud Storage JSON API base, as the client library appends its paths to it.</summary>
    public Uri StorageApi => new(BaseUri, "storage/v1/");

    /// <summary>
    /// True: storage plays an emulator reached through STORAGE_EMULATOR_HOST, and a token sent to it is a leak.
    /// False: storage plays the real service and requires the issued token.
    /// </summary>
    public bool StorageIsEmulator { get; }

    public ServiceAccountKey Key { get; }

    public OAuthTokenEndpoint Tokens { get; }

    public StorageJsonApi Storage { get; }

    public ComputeRestApi Compute { get; }

    /// <summary>Every request refused for breaking the documented contract, with the reason.</summary>
    public ConcurrentQueue<string> Refusals { get; } = new();

    /// <summary>Method and path (without query) of every request, in arrival order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>Runs before any request is answered, with its method and path; lets a test stall a call.</summary>
    public Func<string, Task>? BeforeRequest { get; set; }

    /// <summary>
    /// The environment the tool runs with: the key file, the Compute endpoint override, and storage either as an
    /// emulator (STORAGE_EMULATOR_HOST) or as the real service at an explicit endpoint (BIB_GCE_STORAGE_ENDPOINT).
    /// </summary>
    public Dictionary<string, string?> ToolEnvironment() => new()
    {
        ["GOOGLE_APPLICATION_CREDENTIALS"] = Key.FilePath,
        ["STORAGE_EMULATOR_HOST"] = StorageIsEmulator ? StorageApi.ToString() : null,
        ["BIB_GCE_STORAGE_ENDPOINT"] = StorageIsEmulator ? null : StorageApi.ToString(),
        ["BIB_GCE_COMPUTE_ENDPOINT"] = BaseUri.ToString(),
        // Nothing else may take part: no gcloud configuration, no metadata server.
        ["CLOUDSDK_CONFIG"] = Key.Directory,
        ["GCE_METADATA_HOST"] = "127.0.0.1:1",
    };

    /// <summary>Strings that must never appear in the tool's output: the key, the token, the session ids.</summary>
    public IEnumerable<string> Secrets =>
        Key.PrivateKeyFragments.Append(Tokens.IssuedToken).Concat(Storage.SessionIds);

    public void Dispose()
    {
        // Close alone: after Stop, Close binds the port once more to remove the prefix, and fails when another
        // test's server has taken the freed port meanwhile ("Address already in use").
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }

        Key.Dispose();
    }

    /// <summary>Checks the Authorization header: the issued token, or (for an emulator) none at all.</summary>
    public async Task<bool> AuthorizeAsync(HttpListenerContext context, bool storage, bool tokenOptional = false)
    {
        var header = context.Request.Headers["Authorization"];
        if (storage && StorageIsEmulator)
        {
            if (header is null)
            {
                return true;
            }

            await RefuseAsync(context, 400, "a token was sent to the storage emulator");
            return false;
        }

        if (header == "Bearer " + Tokens.IssuedToken || (header is null && tokenOptional))
        {
            return true;
        }

        await RefuseAsync(context, 401, header is null
            ? "Request is missing required authentication credential. Expected OAuth 2 access token."
            : "Request had invalid authentication credentials. Expected OAuth 2 access token.");
        return false;
    }

    /// <summary>Answers with Google's error shape and records why.</summary>
    public async Task RefuseAsync(HttpListenerContext context, int status, string message, string? oauthError = null)
    {
        Refusals.Enqueue($"{context.Request.HttpMethod} {context.Request.Url?.AbsolutePath}: {message}");
        await AnswerErrorAsync(context, status, message, oauthError);
    }

    /// <summary>An error the real service gives in normal operation (not a contract breach), in Google's shape.</summary>
    public static Task AnswerErrorAsync(HttpListenerContext context, int status, string message, string? oauthError = null)
    {
        object body = oauthError is null
            ? new Dictionary<string, object> { ["error"] = new Dictionary<string, object> { ["code"] = status, ["message"] = message } }
            : new Dictionary<string, object> { ["error"] = oauthError, ["error_description"] = message };
        return WriteJsonAsync(context, status, body);
    }

    public static async Task WriteJsonAsync(HttpListenerContext context, int status, object body)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=UTF-8";
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }

    public static async Task<byte[]> ReadBodyBytesAsync(HttpListenerRequest request)
    {
        using var buffer = new MemoryStream();
        await request.InputStream.CopyToAsync(buffer);
        if (request.Headers["Content-Encoding"] is "gzip")
        {
            using var gzip = new GZipStream(new MemoryStream(buffer.ToArray()), CompressionMode.Decompress);
            using var plain = new MemoryStream();
            await gzip.CopyToAsync(plain);
            return plain.ToArray();
        }

        return buffer.ToArray();
    }

    public static async Task<string> ReadBodyAsync(HttpListenerRequest request) =>
        Encoding.UTF8.GetString(await ReadBodyBytesAsync(request));

    private async Task DispatchAsync(HttpListenerContext context)
    {
        var path = context.Request.Url!.AbsolutePath;
        Requests.Enqueue($"{context.Request.HttpMethod} {path}");
        try
        {
            if (BeforeRequest is { } before)
            {
                await before($"{context.Request.HttpMethod} {path}");
            }

            if (path == "/token")
            {
                await Tokens.HandleAsync(context);
            }
            else if (path.StartsWith("/compute/v1/", StringComparison.Ordinal))
            {
                await Compute.HandleAsync(context);
            }
            else if (path.StartsWith("/storage/v1/", StringComparison.Ordinal) || path.StartsWith("/upload/storage/v1/", StringComparison.Ordinal))
            {
                await Storage.HandleAsync(context);
            }
            else
            {
                await RefuseAsync(context, 404, "no such API");
            }
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException)
        {
            // The client went away mid-request (an interrupted upload does that).
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            await RefuseAsync(context, 400, $"malformed request: {e.Message}");
        }
    }
}
