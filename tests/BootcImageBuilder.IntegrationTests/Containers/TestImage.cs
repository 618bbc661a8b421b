namespace BootcImageBuilder.IntegrationTests.Containers;

/// <summary>
/// A small image built from scratch for tests: a busybox-static root tree plus <paramref name="Files"/>.
/// Built on demand by <see cref="TestImages.EnsureBuiltAsync"/>.
/// </summary>
/// <param name="Name">The image is tagged <c>localhost/bib-test-&lt;Name&gt;</c>.</param>
/// <param name="GoArch">The declared architecture (<c>buildah config --arch</c>). The busybox inside is always the host's.</param>
/// <param name="HasBootcLabel">Whether the image carries <c>containers.bootc=1</c>.</param>
/// <param name="Files">Paths inside the image (absolute) and their contents.</param>
/// <param name="Executables">Which of <paramref name="Files"/> get mode 0755.</param>
/// <param name="Directories">Empty directories to create.</param>
public sealed record TestImage(
    string Name,
    string GoArch,
    bool HasBootcLabel,
    IReadOnlyDictionary<string, string> Files,
    IReadOnlyList<string> Executables,
    IReadOnlyList<string> Directories)
{
    public string Ref => $"localhost/bib-test-{Name}";
}
