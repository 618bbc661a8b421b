using BootcImageBuilder.Distro;
using BootcImageBuilder.Upload;

namespace BootcImageBuilder.Building;

/// <summary>A build's upload targets: all checked before the build, then each given the artifact of its image type.</summary>
public sealed class ArtifactUploads(IReadOnlyList<IUploadTarget> targets)
{
    public bool Any => targets.Count > 0;

    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        foreach (var target in targets)
        {
            await target.CheckAsync(cancellationToken);
        }
    }

    /// <summary>Uploads, for each target, the artifact of the type whose <see cref="ImageType.Upload"/> names it.</summary>
    public async Task RunAsync(IReadOnlyList<Artifact> artifacts, IUploadView view, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(artifacts);
        foreach (var target in targets)
        {
            var artifact = artifacts.FirstOrDefault(a => ImageTypes.Get(a.ImageType).Upload == target.Provider)
                ?? throw new InvalidOperationException($"no artifact was built for the {target.Provider} upload");
            await target.UploadAsync(artifact.Path, view, cancellationToken);
        }
    }
}
