using BootcImageBuilder.Containers;

namespace BootcImageBuilder.Tests.Containers;

public sealed class ContainerStorageTests : IDisposable
{
    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void Storage_with_an_overlay_directory_is_mounted()
    {
        _tree.Dir("var/lib/containers/storage/overlay");

        Assert.Null(Record.Exception(() => ContainerStorage.EnsureMounted(_tree.Root)));
    }

    [Fact]
    public void Storage_without_an_overlay_directory_asks_for_the_volume_mount()
    {
        _tree.Dir("var/lib/containers/storage");

        var error = Assert.Throws<BibException>(() => ContainerStorage.EnsureMounted(_tree.Root));

        Assert.Equal(
            "could not access container storage, did you forget -v /var/lib/containers/storage:/var/lib/containers/storage? " +
            $"(cannot find \"{_tree.Root}/var/lib/containers/storage/overlay\" (missing -v /var/lib/containers/storage:/var/lib/containers/storage mount?))",
            error.Message);
    }
}
