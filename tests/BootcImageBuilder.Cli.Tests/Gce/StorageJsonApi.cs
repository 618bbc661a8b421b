using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace BootcImageBuilder.Cli.Tests.Gce;

/// <summary>
/// The Cloud Storage JSON API's resumable upload and object delete, as documented: a session is started with a POST
/// of the object's metadata and answered with its URI in Location; chunks are PUT there with Content-Range, every
/// chunk but the last a multiple of 256 KiB and each starting where the stored bytes end; an incomplete upload is
/// answered 308 with the Range persisted, the last chunk with the object resource; a DELETE on the session cancels it
/// (499). Preconditions (ifGenerationMatch) are honoured on insert and delete; buckets.get answers for the one bucket.
/// </summary>
internal sealed partial class StorageJsonApi(GoogleCloudTestServer server, string bucket)
{
    private const int ChunkGranularity = 256 * 1024;
    private readonly ConcurrentDictionary<string, UploadSession> _sessions = new();
    private long _generation = 1_700_000_000_000_000;
    private int _chunks;

    public string Bucket => bucket;

    /// <summary>Stored objects by name.</summary>
    public ConcurrentDictionary<string, StoredObject> Objects { get; } = new();

    /// <summary>Every object deleted, as it was stored.</summary>
    public ConcurrentQueue<StoredObject> DeletedObjects { get; } = new();

    public int CancelledSessions;

    /// <summary>Answers buckets.get with 403, as for an account with object permissions only (roles/storage.objectAdmin).</summary>
    public bool BucketMetadataForbidden { get; set; }

    public IEnumerable<string> SessionIds => _sessions.Keys.Concat(_finishedSessionIds);

    public int OpenSessions => _sessions.Count;

    /// <summary>Runs before the chunk with this index (0-based over the server's life) is accepted; lets a test hold an upload.</summary>
    public Func<int, Task>? BeforeChunk { get; set; }

    private readonly ConcurrentQueue<string> _finishedSessionIds = new();

    public async Task HandleAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var path = request.Url!.AbsolutePath;
        var query = request.QueryString;
        if (UploadPath().Match(path) is { Success: true } upload)
        {
            if (query["uploadType"] != "resumable")
            {
                await server.RefuseAsync(context, 400, "only resumable uploads are expected");
            }
            else if (query["upload_id"] is { } id)
            {
                await HandleSessionAsync(context, Uri.UnescapeDataString(upload.Groups[1].Value), id);
            }
            else if (request.HttpMethod == "POST")
            {
                await StartSessionAsync(context, Uri.UnescapeDataString(upload.Groups[1].Value));
            }
            else
            {
                await server.RefuseAsync(context, 405, "a resumable upload starts with POST");
            }
        }
        else if (BucketPath().Match(path) is { Success: true } bucketPath && request.HttpMethod == "GET")
        {
            await GetBucketAsync(context, Uri.UnescapeDataString(bucketPath.Groups[1].Value));
        }
        else if (ObjectPath().Match(path) is { Success: true } item && request.HttpMethod == "DELETE")
        {
            await DeleteObjectAsync(context, Uri.UnescapeDataString(item.Groups[1].Value), Uri.UnescapeDataString(item.Groups[2].Value));
        }
        else
        {
            await server.RefuseAsync(context, 404, "not a call the upload makes");
        }
    }

    private async Task GetBucketAsync(HttpListenerContext context, string bucketName)
    {
        if (!await server.AuthorizeAsync(context, storage: true))
        {
            return;
        }

        if (bucketName != bucket)
        {
            await GoogleCloudTestServer.AnswerErrorAsync(context, 404, "The specified bucket does not exist.");
            return;
        }

        if (BucketMetadataForbidden)
        {
            await GoogleCloudTestServer.AnswerErrorAsync(
                context, 403, "bib-uploader@bib-test-project.iam.gserviceaccount.com does not have storage.buckets.get access to the Google Cloud Storage bucket.");
            return;
        }

        await GoogleCloudTestServer.WriteJsonAsync(context, 200, new Dictionary<string, object>
        {
            ["kind"] = "storage#bucket",
            ["id"] = bucket,
            ["name"] = bucket,
            ["location"] = "US",
            ["storageClass"] = "STANDARD",
            ["metageneration"] = "1",
        });
    }

    private async Task StartSessionAsync(HttpListenerContext context, string bucketName)
    {
        var request = context.Request;
        if (!await server.AuthorizeAsync(context, storage: true))
        {
            return;
        }

        if (bucketName != bucket)
        {
            await GoogleCloudTestServer.AnswerErrorAsync(context, 404, "The specified bucket does not exist.");
            return;
        }

        if (request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
        {
            await server.RefuseAsync(context, 400, "the session's metadata must be JSON");
            return;
        }

        using var metadata = JsonDocument.Parse(await GoogleCloudTestServer.ReadBodyAsync(request));
        var name = metadata.RootElement.TryGetProperty("name", out var n) ? n.GetString() : request.QueryString["name"];
        if (string.IsNullOrEmpty(name))
        {
            await server.RefuseAsync(context, 400, "Required: object name");
            return;
        }

        if (request.QueryString["ifGenerationMatch"] == "0" && Objects.ContainsKey(name))
        {
            await GoogleCloudTestServer.AnswerErrorAsync(context, 412, "At least one of the pre-conditions you specified did not hold.");
            return;
        }

        long? declared = request.Headers["X-Upload-Content-Length"] is { } length ? long.Parse(length, CultureInfo.InvariantCulture) : null;
        var id = "bib-session-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        _sessions[id] = new UploadSession(name, request.Headers["X-Upload-Content-Type"] ?? "application/octet-stream", declared);
        context.Response.StatusCode = 200;
        context.Response.Headers["Location"] =
            new Uri(server.BaseUri, $"upload/storage/v1/b/{Uri.EscapeDataString(bucket)}/o?uploadType=resumable&upload_id={id}").ToString();
        context.Response.ContentLength64 = 0;
        context.Response.Close();
    }

    private async Task HandleSessionAsync(HttpListenerContext context, string bucketName, string id)
    {
        if (!await server.AuthorizeAsync(context, storage: true, tokenOptional: true))
        {
            return;
        }

        if (bucketName != bucket || !_sessions.TryGetValue(id, out var session))
        {
            await GoogleCloudTestServer.AnswerErrorAsync(context, 404, "No such upload session.");
            return;
        }

        switch (context.Request.HttpMethod)
        {
            case "DELETE":
                _sessions.TryRemove(id, out _);
                _finishedSessionIds.Enqueue(id);
                Interlocked.Increment(ref CancelledSessions);
                context.Response.StatusCode = 499;
                context.Response.ContentLength64 = 0;
                context.Response.Close();
                return;
            case "PUT":
                await PutChunkAsync(context, id, session);
                return;
            default:
                await server.RefuseAsync(context, 405, "a session takes PUT or DELETE");
                return;
        }
    }

    private async Task PutChunkAsync(HttpListenerContext context, string id, UploadSession session)
    {
        var request = context.Request;
        var range = ContentRange().Match(request.Headers["Content-Range"] ?? "");
        if (!range.Success)
        {
            await server.RefuseAsync(context, 400, $"bad Content-Range: {request.Headers["Content-Range"]}");
            return;
        }

        long? total = range.Groups[3].Value == "*" ? null : long.Parse(range.Groups[3].Value, CultureInfo.InvariantCulture);
        var body = await GoogleCloudTestServer.ReadBodyBytesAsync(request);
        if (range.Groups[1].Success)
        {
            var first = long.Parse(range.Groups[1].Value, CultureInfo.InvariantCulture);
            var last = long.Parse(range.Groups[2].Value, CultureInfo.InvariantCulture);
            var problem = first != session.Data.Length ? $"chunk starts at {first}, {session.Data.Length} bytes are stored"
                : last - first + 1 != body.Length ? $"Content-Range covers {last - first + 1} bytes, the body has {body.Length}"
                : total is { } t && last + 1 < t && body.Length % ChunkGranularity != 0 ? "a chunk other than the last must be a multiple of 256 KiB"
                : total is { } t2 && last + 1 > t2 ? "chunk goes past the total"
                : session.Declared is { } d && total is { } t3 && d != t3 ? "total differs from X-Upload-Content-Length"
                : null;
            if (problem is not null)
            {
                await server.RefuseAsync(context, 400, problem);
                return;
            }

            if (BeforeChunk is { } gate)
            {
                await gate(Interlocked.Increment(ref _chunks) - 1);
            }

            if (!_sessions.ContainsKey(id))
            {
                // Cancelled while the chunk was held.
                await GoogleCloudTestServer.AnswerErrorAsync(context, 404, "No such upload session.");
                return;
            }

            session.Data.Write(body);
        }

        if (total is not { } size || session.Data.Length < size)
        {
            context.Response.StatusCode = 308;
            if (session.Data.Length > 0)
            {
                context.Response.Headers["Range"] = $"bytes=0-{session.Data.Length - 1}";
            }

            context.Response.ContentLength64 = 0;
            context.Response.Close();
            return;
        }

        _sessions.TryRemove(id, out _);
        _finishedSessionIds.Enqueue(id);
        var stored = new StoredObject(session.Name, session.ContentType, session.Data.ToArray(), Interlocked.Increment(ref _generation));
        Objects[session.Name] = stored;
        await GoogleCloudTestServer.WriteJsonAsync(context, 200, Resource(stored));
    }

    private async Task DeleteObjectAsync(HttpListenerContext context, string bucketName, string name)
    {
        if (!await server.AuthorizeAsync(context, storage: true))
        {
            return;
        }

        if (bucketName != bucket || !Objects.TryGetValue(name, out var stored))
        {
            await GoogleCloudTestServer.AnswerErrorAsync(context, 404, $"No such object: {bucketName}/{name}");
            return;
        }

        if (context.Request.QueryString["ifGenerationMatch"] is { } generation
            && long.Parse(generation, CultureInfo.InvariantCulture) != stored.Generation)
        {
            await GoogleCloudTestServer.AnswerErrorAsync(context, 412, "At least one of the pre-conditions you specified did not hold.");
            return;
        }

        Objects.TryRemove(name, out _);
        DeletedObjects.Enqueue(stored);
        context.Response.StatusCode = 204;
        context.Response.Close();
    }

    private Dictionary<string, object> Resource(StoredObject stored) => new()
    {
        ["kind"] = "storage#object",
        ["id"] = $"{bucket}/{stored.Name}/{stored.Generation}",
        ["name"] = stored.Name,
        ["bucket"] = bucket,
        ["generation"] = stored.Generation.ToString(CultureInfo.InvariantCulture),
        ["metageneration"] = "1",
        ["contentType"] = stored.ContentType,
        ["size"] = stored.Data.Length.ToString(CultureInfo.InvariantCulture),
#pragma warning disable CA5351 // The JSON API's md5Hash field is MD5 by definition.
        ["md5Hash"] = Convert.ToBase64String(MD5.HashData(stored.Data)),
#pragma warning restore CA5351
        ["timeCreated"] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
        ["updated"] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
    };

    [GeneratedRegex("^/upload/storage/v1/b/([^/]+)/o$")]
    private static partial Regex UploadPath();

    [GeneratedRegex("^/storage/v1/b/([^/]+)$")]
    private static partial Regex BucketPath();

    [GeneratedRegex("^/storage/v1/b/([^/]+)/o/(.+)$")]
    private static partial Regex ObjectPath();

    [GeneratedRegex(@"^bytes (?:(\d+)-(\d+)|\*)/(\d+|\*)$")]
    private static partial Regex ContentRange();

    private sealed record UploadSession(string Name, string ContentType, long? Declared)
    {
        public MemoryStream Data { get; } = new();
    }
}

internal sealed record StoredObject(string Name, string ContentType, byte[] Data, long Generation);
