using System.Collections.Concurrent;
using System.Formats.Tar;
using System.IO.Compression;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace BootcImageBuilder.Cli.Tests.Gce;

/// <summary>
/// Compute Engine's <c>images.get</c>, <c>images.insert</c> and <c>globalOperations.get</c> (v1 REST): the insert validates the Image
/// resource (known fields only, an RFC 1035 name, a raw disk read from a Cloud Storage URL of an existing object,
/// known guest OS features) and returns a PENDING operation; each get moves it on (RUNNING, then DONE), and the
/// image is made from the object when it finishes, so the object has to outlive the operation.
/// </summary>
internal sealed partial class ComputeRestApi(GoogleCloudTestServer server, string project)
{
    private static readonly HashSet<string> ImageFields =
    [
        "name", "description", "family", "labels", "rawDisk", "guestOsFeatures", "storageLocations", "licenses",
        "sourceDisk", "sourceImage", "sourceSnapshot", "sourceType", "diskSizeGb", "architecture", "shieldedInstanceInitialState",
    ];

    private static readonly HashSet<string> GuestOsFeatureTypes =
    [
        "UEFI_COMPATIBLE", "VIRTIO_SCSI_MULTIQUEUE", "GVNIC", "SEV_CAPABLE", "SEV_SNP_CAPABLE", "SEV_LIVE_MIGRATABLE",
        "SEV_LIVE_MIGRATABLE_V2", "MULTI_IP_SUBNET", "SECURE_BOOT", "WINDOWS", "IDPF", "TDX_CAPABLE", "SUSPEND_RESUME_COMPATIBLE",
    ];

    private readonly ConcurrentDictionary<string, PendingImage> _operations = new();
    private int _nextOperation;

    /// <summary>Images created, by name, with the body they were inserted with.</summary>
    public ConcurrentDictionary<string, JsonElement> Images { get; } = new();

    /// <summary>Runs before an operation is looked up; lets a test act while the import is under way.</summary>
    public Func<Task>? BeforeOperationGet { get; set; }

    /// <summary>When set, the import operation finishes with this error (as a bad archive makes it do).</summary>
    public string? FailImportWith { get; set; }

    public async Task HandleAsync(HttpListenerContext context)
    {
        if (!await server.AuthorizeAsync(context, storage: false))
        {
            return;
        }

        var request = context.Request;
        var path = request.Url!.AbsolutePath;
        if (ImagesPath().Match(path) is { Success: true } images && request.HttpMethod == "POST")
        {
            await InsertAsync(context, images.Groups[1].Value);
        }
        else if (ImagePath().Match(path) is { Success: true } one && request.HttpMethod == "GET")
        {
            await GetImageAsync(context, one.Groups[1].Value, one.Groups[2].Value);
        }
        else if (OperationPath().Match(path) is { Success: true } operation && request.HttpMethod == "GET")
        {
            await GetOperationAsync(context, operation.Groups[1].Value, operation.Groups[2].Value);
        }
        else
        {
            await server.RefuseAsync(context, 404, "not a call the upload makes");
        }
    }

    private async Task InsertAsync(HttpListenerContext context, string projectId)
    {
        if (projectId != project)
        {
            await GoogleCloudTestServer.AnswerErrorAsync(context, 404, $"The resource 'projects/{projectId}' was not found");
            return;
        }

        if (context.Request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
        {
            await server.RefuseAsync(context, 400, "the Image resource must be JSON");
            return;
        }

        using var document = JsonDocument.Parse(await GoogleCloudTestServer.ReadBodyAsync(context.Request));
        var image = document.RootElement.Clone();
        if (CheckImage(image) is { } problem)
        {
            await server.RefuseAsync(context, 400, problem);
            return;
        }

        var name = image.GetProperty("name").GetString()!;
        if (Images.ContainsKey(name) || _operations.Values.Any(o => o.Name == name))
        {
            await GoogleCloudTestServer.AnswerErrorAsync(context, 409, $"The resource 'projects/{project}/global/images/{name}' already exists");
            return;
        }

        var operationName = $"operation-{Interlocked.Increment(ref _nextOperation)}-bib-test";
        var pending = new PendingImage(name, image);
        _operations[operationName] = pending;
        await GoogleCloudTestServer.WriteJsonAsync(context, 200, Operation(operationName, pending));
    }

    private async Task GetImageAsync(HttpListenerContext context, string projectId, string name)
    {
        if (projectId != project || !Images.TryGetValue(name, out _))
        {
            await GoogleCloudTestServer.AnswerErrorAsync(context, 404, $"The resource 'projects/{projectId}/global/images/{name}' was not found");
            return;
        }

        await GoogleCloudTestServer.WriteJsonAsync(context, 200, new Dictionary<string, object>
        {
            ["kind"] = "compute#image",
            ["name"] = name,
            ["status"] = "READY",
            ["selfLink"] = $"https://www.googleapis.com/compute/v1/projects/{project}/global/images/{name}",
        });
    }

    private async Task GetOperationAsync(HttpListenerContext context, string projectId, string operationName)
    {
        if (projectId != project || !_operations.TryGetValue(operationName, out var pending))
        {
            await GoogleCloudTestServer.AnswerErrorAsync(context, 404, $"The resource 'projects/{projectId}/global/operations/{operationName}' was not found");
            return;
        }

        if (BeforeOperationGet is { } hook)
        {
            await hook();
        }

        pending.Advance(this, server);
        await GoogleCloudTestServer.WriteJsonAsync(context, 200, Operation(operationName, pending));
    }

    private string? CheckImage(JsonElement image)
    {
        if (image.EnumerateObject().Select(p => p.Name).FirstOrDefault(n => !ImageFields.Contains(n)) is { } unknown)
        {
            return $"Invalid JSON payload received. Unknown name \"{unknown}\"";
        }

        if (!image.TryGetProperty("name", out var name) || !ResourceName().IsMatch(name.GetString() ?? ""))
        {
            return "Invalid value for field 'resource.name'";
        }

        if (!image.TryGetProperty("rawDisk", out var rawDisk) || !rawDisk.TryGetProperty("source", out var source))
        {
            return "Required field 'resource.rawDisk.source' not specified";
        }

        if (rawDisk.TryGetProperty("containerType", out var container) && container.GetString() != "TAR")
        {
            return "Invalid value for field 'resource.rawDisk.containerType'";
        }

        if (StorageObjectUrl().Match(source.GetString() ?? "") is not { Success: true } url
            || url.Groups[1].Value != server.Storage.Bucket)
        {
            return "Invalid value for field 'resource.rawDisk.source': not a Cloud Storage URL of the bucket";
        }

        if (!server.Storage.Objects.ContainsKey(Uri.UnescapeDataString(url.Groups[2].Value)))
        {
            return "The resource 'rawDisk.source' was not found: the object does not exist";
        }

        if (image.TryGetProperty("guestOsFeatures", out var features)
            && features.EnumerateArray().Any(f => !GuestOsFeatureTypes.Contains(f.GetProperty("type").GetString() ?? "")))
        {
            return "Invalid value for field 'resource.guestOsFeatures'";
        }

        return null;
    }

    private Dictionary<string, object?> Operation(string name, PendingImage pending)
    {
        var operation = new Dictionary<string, object?>
        {
            ["kind"] = "compute#operation",
            ["id"] = "1234567890123456789",
            ["name"] = name,
            ["operationType"] = "insert",
            ["targetLink"] = $"https://www.googleapis.com/compute/v1/projects/{project}/global/images/{pending.Name}",
            ["status"] = pending.Status,
            ["progress"] = pending.Status == "DONE" ? 100 : 0,
            ["selfLink"] = $"https://www.googleapis.com/compute/v1/projects/{project}/global/operations/{name}",
        };
        if (pending.Error is { } error)
        {
            operation["error"] = new Dictionary<string, object>
            {
                ["errors"] = new[] { new Dictionary<string, string> { ["code"] = "IMAGE_IMPORT_FAILED", ["message"] = error } },
            };
            operation["httpErrorStatusCode"] = 400;
            operation["httpErrorMessage"] = "BAD REQUEST";
        }

        return operation;
    }

    [GeneratedRegex("^/compute/v1/projects/([^/]+)/global/images$")]
    private static partial Regex ImagesPath();

    [GeneratedRegex("^/compute/v1/projects/([^/]+)/global/images/([^/]+)$")]
    private static partial Regex ImagePath();

    [GeneratedRegex("^/compute/v1/projects/([^/]+)/global/operations/([^/]+)$")]
    private static partial Regex OperationPath();

    [GeneratedRegex("^[a-z](?:[-a-z0-9]{0,61}[a-z0-9])?$")]
    private static partial Regex ResourceName();

    [GeneratedRegex("^https://storage\\.googleapis\\.com/([^/]+)/(.+)$")]
    private static partial Regex StorageObjectUrl();

    private sealed class PendingImage(string name, JsonElement body)
    {
        /// <summary>What an import requires of the archive: gzip, tar, and disk.raw as its entry.</summary>
        private static bool HoldsDiskRaw(byte[] archive)
        {
            try
            {
                using var gzip = new GZipStream(new MemoryStream(archive), CompressionMode.Decompress);
                using var tar = new TarReader(gzip);
                return tar.GetNextEntry() is { Name: "disk.raw", EntryType: TarEntryType.RegularFile or TarEntryType.V7RegularFile };
            }
            catch (Exception e) when (e is InvalidDataException or FormatException or EndOfStreamException)
            {
                return false;
            }
        }

        public string Name => name;

        public string Status { get; private set; } = "PENDING";

        public string? Error { get; private set; }

        /// <summary>PENDING → RUNNING → DONE; at DONE the archive is read, so it must still be there.</summary>
        public void Advance(ComputeRestApi api, GoogleCloudTestServer server)
        {
            if (Status == "PENDING")
            {
                Status = "RUNNING";
                return;
            }

            if (Status == "DONE")
            {
                return;
            }

            Status = "DONE";
            var objectName = Uri.UnescapeDataString(StorageObjectUrl().Match(body.GetProperty("rawDisk").GetProperty("source").GetString()!).Groups[2].Value);
            if (!server.Storage.Objects.TryGetValue(objectName, out var archive))
            {
                server.Refusals.Enqueue($"image {name}: the archive was deleted before the import finished");
                Error = "The source archive was not found.";
            }
            else if (api.FailImportWith is { } failure)
            {
                Error = failure;
            }
            else if (!HoldsDiskRaw(archive.Data))
            {
                Error = "The image archive must be a gzip-compressed tar file holding disk.raw.";
            }
            else
            {
                api.Images[name] = body;
            }
        }
    }
}
