namespace BootcImageBuilder.Distro;

/// <summary>
/// A distro file that the lookup chose for <see cref="Distro"/> (the os-release <c>ID</c> asked for), read from
/// <see cref="Path"/>, with its image types in file order.
/// </summary>
public sealed class DistroDefinition(string distro, string path, IReadOnlyList<ImageDefinition> imageTypes)
{
    public string Distro { get; } = distro;

    public string Path { get; } = path;

    public IReadOnlyList<ImageDefinition> ImageTypes { get; } = imageTypes;

    public IReadOnlyList<string> ImageTypeNames => ImageTypes.Select(t => t.ImageType).ToList();

    /// <summary>The definition of <paramref name="imageType"/>.</summary>
    /// <exception cref="BibException">
    /// The file has no such image type: upstream's message, listing the types it has in file order (Go lists them in
    /// map order, which varies from run to run).
    /// </exception>
    public ImageDefinition ImageType(string imageType) =>
        ImageTypes.FirstOrDefault(t => t.ImageType == imageType)
        ?? throw new BibException(
            $"could not find def for distro {Distro} and image type {imageType}, available types: {string.Join(", ", ImageTypeNames)}");
}
