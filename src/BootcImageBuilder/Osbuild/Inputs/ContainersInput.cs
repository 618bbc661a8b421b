using System.Collections.Immutable;

namespace BootcImageBuilder.Osbuild;

/// <summary>
/// Container images from a source, keyed by image id (<c>sha256:&lt;config digest&gt;</c>) with their local name.
/// <c>org.osbuild.containers</c> reads from <c>org.osbuild.skopeo</c>, <c>org.osbuild.containers-storage</c> from the host store.
/// </summary>
public sealed record ContainersInput(
    string Type,
    string Origin,
    ImmutableSortedDictionary<string, ContainerReference> References) : StageInput
{
    public const string RemoteType = "org.osbuild.containers";
    public const string LocalStorageType = "org.osbuild.containers-storage";

    /// <summary>One container from the host's container storage.</summary>
    public static ContainersInput FromLocalStorage(string imageId, string localName) =>
        new(LocalStorageType, SourceOrigin, OsbuildMap.Of((imageId, new ContainerReference(localName))));

    /// <summary>One container fetched from a registry.</summary>
    public static ContainersInput FromRegistry(string imageId, string localName) =>
        new(RemoteType, SourceOrigin, OsbuildMap.Of((imageId, new ContainerReference(localName))));
}

/// <summary>The name a container image is known by inside the stage (the user's image reference).</summary>
public sealed record ContainerReference(string Name);
