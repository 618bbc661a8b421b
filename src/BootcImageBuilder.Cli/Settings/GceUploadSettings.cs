using BootcImageBuilder.Upload.Gce;

namespace BootcImageBuilder.Cli.Settings;

/// <summary>A GCE upload's target and endpoints, checked before anything is built or uploaded.</summary>
internal sealed record GceUploadSettings(GceImageRequest Request, GceEndpoints Endpoints)
{
    /// <summary>From <c>build</c>'s <c>--gce-*</c> flags: null when none is given; all three together, and only with a gce type.</summary>
    public static GceUploadSettings? FromFlags(string? project, string? bucket, string? imageName, IReadOnlyList<string> types)
    {
        ArgumentNullException.ThrowIfNull(types);
        if (!FlagGroup.AllOrNone(("gce-project", project), ("gce-bucket", bucket), ("gce-image-name", imageName)))
        {
            return null;
        }

        if (!types.Contains("gce"))
        {
            throw new BibException(
                $"cannot handle GCE setup: gce flags set for non-gce image type (type is set to {string.Join(',', types)})");
        }

        return Create(project!, bucket!, imageName!);
    }

    public static GceUploadSettings Create(string project, string bucket, string imageName)
    {
        try
        {
            return new GceUploadSettings(GceImageRequest.Create(project, bucket, imageName), GceEndpoints.FromEnvironment());
        }
        catch (BibException e)
        {
            throw BibException.Wrap("cannot handle GCE setup", e);
        }
    }
}
