namespace BootcImageBuilder.Disk;

/// <summary>
/// Everything that decides a bootc disk's partition table. <see cref="ContainerSize"/> is the container
/// image size in bytes (the root gets at least twice that); <see cref="ImageSize"/> is a requested minimum
/// (bib's <c>--size</c>-like option, 0 when not given). <see cref="BaseTable"/> replaces the built-in table
/// (a container's disk.yaml). At most one of <see cref="Filesystems"/> and <see cref="Disk"/> may be set.
/// </summary>
public sealed record BootcPartitioningRequest(Arch Arch, FilesystemType RootfsType, ulong ContainerSize)
{
    public const ulong DefaultImageSize = 10 * DataSize.GiB;

    /// <summary>The root filesystem needs room for the container twice over (the deployment plus an update).</summary>
    public const ulong ContainerSizeMultiplier = 2;

    public ulong ImageSize { get; init; }

    public PartitionTable? BaseTable { get; init; }

    public IReadOnlyList<FilesystemRequest>? Filesystems { get; init; }

    public DiskLayoutRequest? Disk { get; init; }

    /// <summary>Defaults to UEFI on aarch64 and hybrid (BIOS + UEFI) elsewhere.</summary>
    public BootMode? BootMode { get; init; }

    public ulong RootfsMinSize => Math.Max(checked(ContainerSize * ContainerSizeMultiplier), ImageSize);
}
