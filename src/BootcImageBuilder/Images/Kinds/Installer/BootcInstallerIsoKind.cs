using BootcImageBuilder.Containers;
using BootcImageBuilder.Distro;
using BootcImageBuilder.Osbuild;

namespace BootcImageBuilder.Images.Kinds.Installer;

/// <summary>
/// <c>bootc-installer</c>: an installer ISO made from a bootc container that contains Anaconda (the image), which
/// installs another bootc container (<c>--installer-payload-ref</c>). Nothing is depsolved.
/// </summary>
public sealed class BootcInstallerIsoKind(BootcInfoResolver resolver) : IImageKindGenerator
{
    public ImageKind Kind => ImageKind.BootcInstallerIso;

    public void Validate(ManifestRequest request)
    {
        InstallerTargetArch.Check(request);
        if (string.IsNullOrEmpty(request.InstallerPayloadRef))
        {
            throw new BibException("no installer payload bootc ref set");
        }

        if (!string.IsNullOrEmpty(request.BuildContainerRef) && request.BuildContainerRef != request.ImageRef)
        {
            throw new BibException("cannot use build-containers with anaconda installer images");
        }
    }

    public async Task<Manifest> GenerateAsync(ImageKindInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        Validate(input.Request);
        var payloadRef = input.Request.InstallerPayloadRef!;
        var payload = await resolver.InspectImageAsync(payloadRef, cancellationToken);
        return BootcInstallerIso.Generate(input.Containers.Source, payloadRef, payload.Id, input.Request.Config.Customizations, input.Random);
    }
}
