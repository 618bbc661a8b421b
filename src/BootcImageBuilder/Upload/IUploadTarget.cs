namespace BootcImageBuilder.Upload;

/// <summary>
/// Where a build's artifact goes after it is built (an AMI, a Compute Engine image). A build checks every target
/// before anything is built, and after the artifacts are in place uploads to each the artifact of the image type that
/// names the target's <see cref="Provider"/> in the type table (<c>upload:</c> in <c>imagetypes.yaml</c>).
/// </summary>
public interface IUploadTarget : IDisposable
{
    /// <summary>The name the type table uses for this target (<c>aws</c>, <c>gce</c>).</summary>
    string Provider { get; }

    /// <summary>
    /// What can be known before a build: credentials, the bucket, a free name. Fails with a <see cref="BibException"/>
    /// in the provider's own words (<c>cannot handle AWS setup: …</c>).
    /// </summary>
    Task CheckAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Uploads <paramref name="artifactPath"/> and registers the image, reporting through <paramref name="progress"/>.
    /// On failure or cancellation nothing it created on the way is left (the uploaded object is deleted); failures are
    /// a <see cref="BibException"/> in the provider's words (<c>cannot upload AMI: …</c>), with no secret in them.
    /// Without a <see cref="CheckAsync"/> before, it refuses a file that cannot be sent before the provider is asked
    /// anything, then runs those checks itself with their failures in its own words: <c>upload PROVIDER FILE</c>
    /// calls it alone, so it runs the code a build runs.
    /// </summary>
    Task UploadAsync(string artifactPath, IUploadView progress, CancellationToken cancellationToken);
}
