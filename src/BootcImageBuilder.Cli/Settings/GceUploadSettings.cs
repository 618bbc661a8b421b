using BootcImageBuilder.Distro;
using BootcImageBuilder.Upload;
using BootcImageBuilder.Upload.Gce;

namespace BootcImageBuilder.Cli.Settings;

/// <summary>A GCE upload's target and endpoints, checked before anything is built or uploaded.</summary>
internal sealed record GceUploadSettings(GceImageRequest Request, GceEndpoints Endpoints) : IUploadSettings
{
    /// <summary>
    /// From <c>build</c>'s <c>--gce-*</c> flags: null when none is given; all three together, and only with a type that
    /// feeds the upload.
    /// </summary>
    public static GceUploadSettings? FromFlags(string? project, string? bucket, string? imageName, ImageTypeSet types)
    {
        ArgumentNullException.ThrowIfNull(types);
        if (!FlagGroup.AllOrNone(("gce-project", project), ("gce-bucket", bucket), ("gce-image-name", imageName)))
        {
            return null;
        }

        if (!types.FeedsUpload(GceUploadTarget.ProviderName))
        {
            throw new BibException(
                $"cannot handle GCE setup: gce flags set for non-gce image type (type is set to {string.Join(',', types.Names)})");
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

    /// <summary>The image's architecture plays no part: Compute Engine reads it from the disk.</summary>
    public IUploadTarget CreateTarget(Arch targetArch) => new GceUploadTarget(Request, Endpoints);
}
