namespace BootcImageBuilder.Containers;

/// <summary>What the manifest needs from a <c>--build-container</c>: only its identity and architecture.</summary>
/// <param name="ImageRef">The reference the user gave.</param>
/// <param name="ImageId">The full image id (hex, no prefix).</param>
/// <param name="Arch">The image's declared architecture.</param>
public sealed record BuildContainerInfo(string ImageRef, string ImageId, Arch Arch);
