namespace BootcImageBuilder.Containers;

/// <summary>The resolved source image and build container of one run. Dispose it to stop <see cref="Running"/>.</summary>
/// <param name="Source">The bootc image, with <c>--rootfs</c> applied.</param>
/// <param name="Build">
/// The build container: the source image itself unless <c>--build-container</c> named another, which is then read
/// as its own root (its os-release and SELinux policy); its <see cref="BootcInfo.DefaultRootFs"/> is not read.
/// </param>
public sealed record ResolvedContainers(BootcInfo Source, BootcInfo Build) : IAsyncDisposable
{
    /// <summary>The source image's container, still running, when the request asked to keep it; else null.</summary>
    public BootcContainer? Running { get; init; }

    /// <summary>True when the build root comes from a different image than the one installed.</summary>
    public bool HasSeparateBuildContainer => Build.ImageRef != Source.ImageRef || Build.ImageId != Source.ImageId;

    public async ValueTask DisposeAsync()
    {
        if (Running is { } running)
        {
            await running.DisposeAsync();
        }
    }
}
