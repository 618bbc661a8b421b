using BootcImageBuilder.Distro;
using BootcImageBuilder.Osbuild;

namespace BootcImageBuilder.Images;

/// <summary>raw, ami, qcow2, vmdk, vhd, gce and ova: one <see cref="BootcDiskImage"/> manifest for all of them.</summary>
public sealed class DiskImageKind : IImageKindGenerator
{
    public ImageKind Kind => ImageKind.Disk;

    public Task<Manifest> GenerateAsync(ImageKindInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var containers = input.Containers;
        var request = input.Request;
        var manifest = BootcDiskImage.Generate(
            new BootcDiskImageRequest(containers.Source)
            {
                BuildSource = containers.HasSeparateBuildContainer ? containers.Build : null,
                Customizations = request.Config.Customizations,
                EmbeddedCustomizations = EmbeddedCustomizations.Of(containers.Source),
                RootfsOverride = request.RootfsOverride,
                OmitDefaultKernelArgs = request.OmitDefaultKernelArgs,
                ImageTypes = input.Types.Types,
            },
            input.Random);
        return Task.FromResult(manifest);
    }
}
