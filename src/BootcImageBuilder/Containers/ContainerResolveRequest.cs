namespace BootcImageBuilder.Containers;

/// <summary>What a build or manifest run needs resolved from local container storage.</summary>
/// <param name="ImageRef">The bootc image to build from.</param>
/// <param name="BuildContainerRef">The <c>--build-container</c>; null or equal to <paramref name="ImageRef"/> means the image itself.</param>
/// <param name="RootFsOverride">The <c>--rootfs</c> value; it replaces the image's default, which may then be missing.</param>
/// <param name="TargetArch">The <c>--target-arch</c>; null means the host's architecture.</param>
/// <param name="ReadInitrdModules">Whether to list the initrd modules with <c>lsinitrd</c> (only PXE needs them).</param>
/// <param name="KeepRunning">
/// Leave the image's container running (and mounted) in <see cref="ResolvedContainers.Running"/> until the result is
/// disposed: the installer ISO depsolves against its root and runs dnf inside it.
/// </param>
public sealed record ContainerResolveRequest(
    string ImageRef,
    string? BuildContainerRef = null,
    string? RootFsOverride = null,
    Arch? TargetArch = null,
    bool ReadInitrdModules = false,
    bool KeepRunning = false);
