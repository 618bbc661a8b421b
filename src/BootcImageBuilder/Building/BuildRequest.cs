using BootcImageBuilder.Images;
using BootcImageBuilder.Upload;

namespace BootcImageBuilder.Building;

/// <summary>What <c>build</c> is asked to do: the manifests' request, where outputs and osbuild's store go, and what follows the build.</summary>
/// <param name="Manifest">The images to make (types, config file, flags).</param>
/// <param name="OutputDirectory">Where the manifests and artifacts are written, as the user named it.</param>
/// <param name="StoreDirectory">osbuild's store.</param>
public sealed record BuildRequest(ManifestRequest Manifest, string OutputDirectory, string StoreDirectory)
{
    /// <summary>Whether the user named the store, rather than taking its default (<see cref="StorePersistence"/>).</summary>
    public bool StoreChosen { get; init; }

    public CheckpointMode Checkpoints { get; init; }

    /// <summary><c>--in-vm</c>: osbuild runs in a VM of its own, so the host's setup is not checked.</summary>
    public bool InVm { get; init; }

    /// <summary><c>--chown</c>: the owner the outputs are given at the end; null leaves them to the builder.</summary>
    public ChownSpec? Chown { get; init; }

    /// <summary>Where artifacts go after the build; each is checked before anything is built, and disposed by the build.</summary>
    public IReadOnlyList<IUploadTarget> Uploads { get; init; } = [];
}
