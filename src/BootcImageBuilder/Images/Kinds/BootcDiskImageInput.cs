using BootcImageBuilder.Blueprint;
using BootcImageBuilder.Containers;
using BootcImageBuilder.Disk;
using BootcImageBuilder.Distro;

namespace BootcImageBuilder.Images.Kinds;

/// <summary>
/// What <see cref="BootcDiskImage"/> is made from: the generator's <see cref="ImageKindInput"/> narrowed to what a
/// disk image uses.
/// </summary>
/// <param name="Source">The container to install (the target). Its disk.yaml, if any, is read from <see cref="OsInfo.DiskYaml"/>.</param>
public sealed record BootcDiskImageInput(BootcInfo Source)
{
    /// <summary>The disk image's part of a kind's generator input: its container(s), the config, the flags and its types.</summary>
    public static BootcDiskImageInput From(ImageKindInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var containers = input.Containers;
        var request = input.Request;
        return new BootcDiskImageInput(containers.Source)
        {
            BuildSource = containers.HasSeparateBuildContainer ? containers.Build : null,
            Customizations = request.Config.Customizations,
            EmbeddedCustomizations = Kinds.EmbeddedCustomizations.Of(containers.Source),
            RootfsOverride = request.RootfsOverride,
            OmitDefaultKernelArgs = request.OmitDefaultKernelArgs,
            ImageTypes = input.Types.Types,
        };
    }

    /// <summary>A separate build container (<c>--build-container</c>); null builds with <see cref="Source"/> itself.</summary>
    public BootcInfo? BuildSource { get; init; }

    /// <summary>The user's blueprint customizations (<c>config.toml</c>/<c>config.json</c>); null when none were given.</summary>
    public Customizations? Customizations { get; init; }

    /// <summary>
    /// Customizations embedded in the container (<c>usr/lib/bootc-image-builder/config.{json,toml}</c>). Only their
    /// filesystem and disk parts are used, and only when the user gave neither.
    /// </summary>
    public Customizations? EmbeddedCustomizations { get; init; }

    /// <summary><c>--rootfs</c>: overrides the container's default root filesystem type.</summary>
    public FilesystemType? RootfsOverride { get; init; }

    /// <summary>The disk types asked for, in the user's order; they name the manifest's files (<see cref="Pipelines.DiskFileNames"/>).</summary>
    public IReadOnlyList<ImageType> ImageTypes { get; init; } = [Distro.ImageTypes.Get("qcow2")];

    /// <summary>Drops the default kernel arguments (<c>rw console=tty0 console=ttyS0</c>).</summary>
    public bool OmitDefaultKernelArgs { get; init; }

    /// <summary>A minimum disk size in bytes on top of the container-size rule; 0 when not asked for.</summary>
    public ulong MinimumImageSize { get; init; }
}
