using BootcImageBuilder.Building;
using BootcImageBuilder.Distro;

namespace BootcImageBuilder.Upload;

/// <summary>
/// A build's upload targets: each checked before anything is built, and after the artifacts are in place each handed
/// the artifact of the image type that names its <see cref="IUploadTarget.Provider"/> in the type table.
/// </summary>
public sealed class BuildUploads(IReadOnlyList<IUploadTarget> targets) : IDisposable
{
    public bool IsEmpty => targets.Count == 0;

    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        foreach (var target in targets)
        {
            await target.CheckAsync(cancellationToken);
        }
    }

    public async Task UploadAsync(IReadOnlyList<Artifact> artifacts, IUploadView progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(artifacts);
        foreach (var target in targets)
        {
            // Wherever the artifact lies (upstream picks a wrong path when raw and ami are built together).
            var artifact = artifacts.First(a => ImageTypes.Find(a.ImageType)?.Upload == target.Provider);
            await target.UploadAsync(artifact.Path, progress, cancellationToken);
        }
    }

    public void Dispose()
    {
        foreach (var target in targets)
        {
            target.Dispose();
        }
    }
}
