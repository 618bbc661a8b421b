using BootcImageBuilder.Blueprint;
using BootcImageBuilder.Containers;
using BootcImageBuilder.Disk;

namespace BootcImageBuilder.Images.Kinds.Pxe;

/// <summary>
/// What <see cref="BootcPxeImage"/> is made from: the generator's <see cref="ImageKindInput"/> narrowed to what a PXE
/// image uses (upstream ignores <c>--no-default-kernel-args</c> for it, and its file names are fixed).
/// </summary>
/// <param name="Source">The container to install (the target). Its disk.yaml, if any, is read from <see cref="OsInfo.DiskYaml"/>.</param>
public sealed record BootcPxeImageInput(BootcInfo Source)
{
    /// <summary>The PXE image's part of a kind's generator input: its container(s), the config and the flags.</summary>
    public static BootcPxeImageInput From(ImageKindInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var containers = input.Containers;
        return new BootcPxeImageInput(containers.Source)
        {
            BuildSource = containers.HasSeparateBuildContainer ? containers.Build : null,
            Customizations = input.Request.Config.Customizations,
            EmbeddedCustomizations = Kinds.EmbeddedCustomizations.Of(containers.Source),
            RootfsOverride = input.Request.RootfsOverride,
        };
    }

    /// <summary>A separate build container (<c>--build-container</c>); null builds with <see cref="Source"/> itself.</summary>
    public BootcInfo? BuildSource { get; init; }

    /// <summary>The user's blueprint customizations; null when none were given. Ignition is not applied to a PXE image.</summary>
    public Customizations? Customizations { get; init; }

    /// <summary>Customizations embedded in the container; only their filesystem and disk parts, when the user gave neither.</summary>
    public Customizations? EmbeddedCustomizations { get; init; }

    /// <summary><c>--rootfs</c>: overrides the container's default root filesystem type.</summary>
    public FilesystemType? RootfsOverride { get; init; }
}
