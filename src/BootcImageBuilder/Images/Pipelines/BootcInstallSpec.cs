using BootcImageBuilder.Blueprint;
using BootcImageBuilder.Containers;
using BootcImageBuilder.Disk;
using static BootcImageBuilder.EmptyValues;

namespace BootcImageBuilder.Images.Pipelines;

/// <summary>What <see cref="BootcInstallPipelines"/> are made from; each kind that installs the container onto a disk fills it in.</summary>
/// <param name="Source">The container to install (the target). Its disk.yaml, if any, is read from <see cref="OsInfo.DiskYaml"/>.</param>
/// <param name="RawFileName">The disk file of the <c>image</c> pipeline.</param>
/// <param name="DefaultMountConfiguration">How the OS learns its filesystems unless the container's disk.yaml says otherwise.</param>
/// <param name="KernelArgs">The kernel arguments of the install.</param>
public sealed record BootcInstallSpec(
    BootcInfo Source,
    string RawFileName,
    MountConfiguration DefaultMountConfiguration,
    IReadOnlyList<string> KernelArgs)
{
    /// <summary>A separate build container; null builds with <see cref="Source"/> itself.</summary>
    public BootcInfo? BuildSource { get; init; }

    /// <summary>The blueprint customizations applied after the install; null when none.</summary>
    public Customizations? Customizations { get; init; }

    /// <summary>The container's embedded customizations: their filesystem and disk parts apply when the user gave neither.</summary>
    public Customizations? EmbeddedCustomizations { get; init; }

    /// <summary><c>--rootfs</c>: overrides the container's default root filesystem type.</summary>
    public FilesystemType? RootfsOverride { get; init; }

    /// <summary>A minimum disk size in bytes on top of the container-size rule; 0 when not asked for.</summary>
    public ulong MinimumImageSize { get; init; }

    /// <summary>Whether to prepare the physical root for dracut's dmsquash-live (see <see cref="LiveBootDirectories"/>).</summary>
    public bool LiveBoot { get; init; }

    /// <summary>The root filesystem type: <see cref="RootfsOverride"/>, else the container's default; ext4, xfs or btrfs.</summary>
    public FilesystemType RootfsType() =>
        RootfsOverride ?? RootfsTypes.Parse(
            NullIfEmpty(Source.DefaultRootFs)
            ?? throw new BibException("failed to initialize bootc distro: missing required info: DefaultRootFs"));
}
