using BootcImageBuilder.Blueprint;
using BootcImageBuilder.Containers;
using BootcImageBuilder.Disk;

namespace BootcImageBuilder.Images.Pipelines;

/// <summary>What the <c>image</c> pipeline is made from.</summary>
/// <param name="Target">The container that gets installed.</param>
/// <param name="Table">The laid-out partition table with all UUIDs set.</param>
/// <param name="MountConfiguration">How the OS learns about its filesystems (units unless disk.yaml says otherwise).</param>
/// <param name="KernelArgs">The install's kernel arguments.</param>
/// <param name="RawSourcePipeline">The tree raw partition payloads are read from.</param>
/// <param name="Customizations">The blueprint customizations applied after the install.</param>
/// <param name="RawFileName">The disk file the pipeline writes (<c>disk.raw</c>, <c>image.raw</c>).</param>
public sealed record RawImageSpec(
    BootcInfo Target,
    PartitionTable Table,
    MountConfiguration MountConfiguration,
    IReadOnlyList<string> KernelArgs,
    string RawSourcePipeline,
    Customizations? Customizations,
    string RawFileName)
{
    /// <summary>
    /// Whether the physical root also gets what dracut's dmsquash-live looks for when it boots the filesystem as a
    /// live root (PXE): see <see cref="LiveBootDirectories"/>.
    /// </summary>
    public bool LiveBoot { get; init; }
}
