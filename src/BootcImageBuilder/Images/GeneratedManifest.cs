using BootcImageBuilder.Osbuild;

namespace BootcImageBuilder.Images;

/// <summary>
/// A kind's manifest with what building it needs besides: environment variables for osbuild (the mTLS key paths)
/// and resources that must live until the build is done (the key directory).
/// </summary>
public sealed record GeneratedManifest(Manifest Manifest)
{
    public IReadOnlyDictionary<string, string> OsbuildEnvironment { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<IDisposable> Resources { get; init; } = [];
}
