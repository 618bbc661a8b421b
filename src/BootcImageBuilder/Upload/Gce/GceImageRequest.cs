namespace BootcImageBuilder.Upload.Gce;

/// <summary>Where a <c>gce</c> image archive goes: the project that gets the image, the bucket it passes through, its name.</summary>
/// <param name="Project">The Google Cloud project id.</param>
/// <param name="Bucket">The Cloud Storage bucket the archive is uploaded to and deleted from afterwards.</param>
/// <param name="ImageName">The name of the Compute Engine image to create.</param>
public sealed record GceImageRequest(string Project, string Bucket, string ImageName)
{
    /// <summary>Checks the three names against Google's rules, so a typo fails before anything is built or uploaded.</summary>
    public static GceImageRequest Create(string project, string bucket, string imageName)
    {
        GceNames.CheckProject(project);
        GceNames.CheckBucket(bucket);
        GceNames.CheckImageName(imageName);
        return new GceImageRequest(project, bucket, imageName);
    }
}
