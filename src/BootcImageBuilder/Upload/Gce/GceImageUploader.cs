using System.Security.Cryptography;
using Google.Api.Gax;
using Google.Cloud.Storage.V1;
using Serilog;

namespace BootcImageBuilder.Upload.Gce;

/// <summary>
/// Makes a Compute Engine image from a <c>gce</c> archive (<c>image.tar.gz</c> holding <c>disk.raw</c>): a resumable
/// upload to Cloud Storage, <c>images.insert</c> from that object, a wait on the global operation, and the object
/// deleted whatever happened. One application-default credential serves both APIs.
/// </summary>
public sealed class GceImageUploader(GceEndpoints endpoints)
{
    /// <summary>What upstream's RHEL images declare too, minus the features that need a specific guest (SEV, gVNIC).</summary>
    private static readonly ComputeGuestOsFeature[] GuestOsFeatures =
        [new("UEFI_COMPATIBLE"), new("VIRTIO_SCSI_MULTIQUEUE")];

    /// <summary>A multiple of 256 KiB, as resumable uploads require; each chunk is one request and one progress report.</summary>
    public int ChunkSize { get; init; } = 16 * 1024 * 1024;

    /// <summary>The first wait between operation polls; it grows to <see cref="MaxPollInterval"/>.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxPollInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Uploads <paramref name="archivePath"/> and creates the image; returns the image's name.</summary>
    /// <param name="request">Project, bucket and image name.</param>
    /// <param name="archivePath">The <c>gce</c> archive.</param>
    /// <param name="progress">Bytes uploaded so far.</param>
    /// <param name="cancellationToken">Cancels the run; the uploaded object or session is still cleaned up.</param>
    public async Task<string> UploadAsync(GceImageRequest request, string archivePath, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(archivePath);
        UploadSource.Check(archivePath, "cannot upload GCE image");

        var credential = await GceCredentials.LoadAsync(cancellationToken);
        using var storage = await CreateStorageClientAsync(credential, cancellationToken);
        using var http = new HttpClient();
        var compute = new ComputeImages(http, endpoints.Compute, credential);
        try
        {
            await CheckTargetAsync(storage, compute, request, cancellationToken);
        }
        catch (BibException e)
        {
            throw BibException.Wrap("cannot upload GCE image", e);
        }

        var upload = new GcsArchiveUpload(storage, request.Bucket, ObjectName(request.ImageName));
        var succeeded = false;
        try
        {
            Log.Information("uploading {Archive} to {Object}", archivePath, upload.Description);
            await upload.UploadAsync(archivePath, ChunkSize, progress, cancellationToken);
            await CreateImageAsync(compute, request, upload.SourceUrl, cancellationToken);
            succeeded = true;
        }
        finally
        {
            var deleted = await upload.CleanUpAsync();
            if (succeeded && !deleted)
            {
#pragma warning disable CA2219 // Only reached when the try block completed: no exception is replaced.
                throw new BibException($"GCE image {request.ImageName} was created, but {upload.Description} could not be deleted");
#pragma warning restore CA2219
            }
        }

        return request.ImageName;
    }

    /// <summary>
    /// What can be known before anything is built or uploaded: the credentials load, the bucket exists, and no image in
    /// the project has the name yet.
    /// </summary>
    public async Task CheckTargetAsync(GceImageRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var credential = await GceCredentials.LoadAsync(cancellationToken);
        using var storage = await CreateStorageClientAsync(credential, cancellationToken);
        using var http = new HttpClient();
        await CheckTargetAsync(storage, new ComputeImages(http, endpoints.Compute, credential), request, cancellationToken);
    }

    private static async Task CheckTargetAsync(StorageClient storage, ComputeImages compute, GceImageRequest request, CancellationToken cancellationToken)
    {
        await compute.TokenAsync(cancellationToken);
        try
        {
            // The library does not give way to cancellation while a call stalls; the wait does.
            await storage.GetBucketAsync(request.Bucket, cancellationToken: cancellationToken).WaitAsync(cancellationToken);
        }
        catch (Google.GoogleApiException e) when (e.HttpStatusCode == System.Net.HttpStatusCode.NotFound)
        {
            throw new BibException($"bucket {request.Bucket} does not exist", e);
        }
        catch (Google.GoogleApiException e) when (e.HttpStatusCode == System.Net.HttpStatusCode.Forbidden)
        {
            // An account that may create and delete objects (roles/storage.objectAdmin) need not read bucket metadata.
            Log.Information("cannot check bucket {Bucket} (no storage.buckets.get permission); the upload will tell", request.Bucket);
        }
        catch (Exception e) when (e is Google.GoogleApiException or HttpRequestException or Google.Apis.Auth.OAuth2.Responses.TokenResponseException)
        {
            throw new BibException($"cannot read bucket {request.Bucket}: {GoogleErrors.Describe(e)}", e);
        }

        try
        {
            if (await compute.ImageExistsAsync(request.Project, request.ImageName, cancellationToken))
            {
                throw new BibException($"image {request.ImageName} already exists in project {request.Project}");
            }
        }
        catch (HttpRequestException e)
        {
            throw new BibException($"cannot reach Compute Engine: {SecretRedaction.Describe(e)}", e);
        }
    }

    private async Task<StorageClient> CreateStorageClientAsync(Google.Apis.Auth.OAuth2.GoogleCredential credential, CancellationToken cancellationToken)
    {
        var builder = new StorageClientBuilder { Credential = credential };
        if (endpoints.Storage is { } storage)
        {
            builder.BaseUri = storage.ToString();
        }
        else
        {
            // STORAGE_EMULATOR_HOST, when set, points the client at an emulator (without credentials).
            builder.EmulatorDetection = EmulatorDetection.EmulatorOrProduction;
        }

        return await builder.BuildAsync(cancellationToken).WaitAsync(cancellationToken);
    }

    private async Task CreateImageAsync(ComputeImages compute, GceImageRequest request, string sourceUrl, CancellationToken cancellationToken)
    {
        Log.Information("creating GCE image {Image} in project {Project}", request.ImageName, request.Project);
        var image = new ComputeImage(request.ImageName, new ComputeRawDisk(sourceUrl, "TAR"), GuestOsFeatures);
        try
        {
            var operation = await compute.InsertAsync(request.Project, image, cancellationToken);
            var wait = PollInterval;
            while (!operation.IsDone)
            {
                await Task.Delay(wait, cancellationToken);
                wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 3 / 2, MaxPollInterval.Ticks));
                operation = await compute.GetGlobalOperationAsync(request.Project, operation.Name, cancellationToken);
            }

            if (OperationFailure(operation) is { } failure)
            {
                throw new BibException(failure);
            }
        }
        catch (BibException e)
        {
            throw BibException.Wrap($"cannot create GCE image {request.ImageName}", e);
        }
        catch (HttpRequestException e)
        {
            throw new BibException($"cannot create GCE image {request.ImageName}: {SecretRedaction.Describe(e)}", e);
        }
    }

    /// <summary>A finished operation failed when it carries errors or an HTTP error status.</summary>
    private static string? OperationFailure(ComputeOperation operation)
    {
        var messages = operation.Error?.Errors.Select(e => e.Message ?? e.Code ?? "unknown error").ToList() ?? [];
        if (messages.Count == 0 && operation.HttpErrorStatusCode is null or 0)
        {
            return null;
        }

        if (messages.Count == 0)
        {
            messages.Add($"HTTP {operation.HttpErrorStatusCode} {operation.HttpErrorMessage}".Trim());
        }

        return ServerText.Printable(SecretRedaction.Redact(string.Join("; ", messages)));
    }

    /// <summary>The image name plus a random suffix, so concurrent or leftover uploads never collide.</summary>
    private static string ObjectName(string imageName) =>
        $"{imageName}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}.tar.gz";
}
