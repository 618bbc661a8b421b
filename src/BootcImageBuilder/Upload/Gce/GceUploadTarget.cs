namespace BootcImageBuilder.Upload.Gce;

/// <summary>
/// The Compute Engine image (<see cref="GceImageUploader"/>) as a build's or <c>upload gce</c>'s target, ending with
/// <c>GCE image registered: NAME</c>.
/// </summary>
public sealed class GceUploadTarget(GceImageRequest request, GceEndpoints endpoints) : IUploadTarget
{
    public const string ProviderName = "gce";

    public string Provider => ProviderName;

    /// <summary>Credentials, bucket and a free image name, so a long build does not end in a refusal.</summary>
    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            await new GceImageUploader(endpoints).CheckTargetAsync(request, cancellationToken);
        }
        catch (BibException e)
        {
            throw BibException.Wrap("cannot handle GCE setup", e);
        }
    }

    /// <summary>Checks the target again (a name may have been taken during the build), then uploads and creates the image.</summary>
    public async Task UploadAsync(string artifactPath, IUploadView progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var size = UploadSource.Check(artifactPath, "cannot upload GCE image");
        var archive = new FileInfo(artifactPath);
        progress.Status($"Uploading {artifactPath} to gs://{request.Bucket}");
        var bytes = progress.Transfer($"Uploading {archive.Name}", size);
        var name = await new GceImageUploader(endpoints).UploadAsync(request, archive.FullName, bytes, cancellationToken);
        progress.Result($"GCE image registered: {name}");
    }

    public void Dispose()
    {
    }
}
