using BootcImageBuilder.FileSystem;

namespace BootcImageBuilder.Tests.FileSystem;

/// <summary>Lookups in an image's tree stay inside it, whatever its links say.</summary>
public sealed class ImageTreeTests : IDisposable
{
    private readonly DirectoryInfo _outside = Directory.CreateTempSubdirectory("bib-outside-");
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("bib-tree-");

    public ImageTreeTests()
    {
        File.WriteAllText(Path.Join(_outside.FullName, "secret"), "host");
        Directory.CreateDirectory(Path.Join(_root.FullName, "etc"));
        File.WriteAllText(Path.Join(_root.FullName, "etc/secret"), "image");
    }

    public void Dispose()
    {
        _root.Delete(recursive: true);
        _outside.Delete(recursive: true);
    }

    [Fact]
    public void An_absolute_link_is_resolved_from_the_trees_root()
    {
        Link("etc/abs", "/etc/secret");

        Assert.Equal("image", new ImageTree(_root.FullName).ReadText("etc/abs", 100));
    }

    [Fact]
    public void An_absolute_link_to_a_host_path_finds_nothing()
    {
        Link("etc/host", Path.Join(_outside.FullName, "secret"));

        Assert.Null(new ImageTree(_root.FullName).ReadText("etc/host", 100));
    }

    [Fact]
    public void Dot_dot_stops_at_the_trees_root()
    {
        var up = string.Concat(Enumerable.Repeat("../", 20));
        Link("etc/up", up + "etc/secret");

        Assert.Equal("image", new ImageTree(_root.FullName).ReadText("etc/up", 100));
    }

    [Fact]
    public void A_linked_directory_is_followed_inside_the_tree()
    {
        Link("lib", "/etc");

        Assert.Equal("image", new ImageTree(_root.FullName).ReadText("lib/secret", 100));
    }

    [Fact]
    public void A_link_loop_ends_after_40_links()
    {
        Link("etc/a", "b");
        Link("etc/b", "a");

        var error = Assert.Throws<BoundedFileException>(() => new ImageTree(_root.FullName).ReadText("etc/a", 100));

        Assert.Equal("more than 40 symbolic links", error.Message);
    }

    [Fact]
    public void A_device_is_not_read()
    {
        Link("etc/zero", "/dev/zero");
        File.CreateSymbolicLink(Path.Join(_root.FullName, "zero"), "/dev/zero");

        // Inside the tree /dev/zero does not exist; the host's device itself is refused by kind.
        Assert.Null(new ImageTree(_root.FullName).ReadText("etc/zero", 100));
        Assert.Equal(FileKind.CharacterDevice, new ImageTree("/").KindOf("dev/zero"));
        Assert.Throws<BoundedFileException>(() => new ImageTree("/").ReadText("dev/zero", 100));
    }

    [Fact]
    public void A_file_over_the_limit_is_not_read()
    {
        var error = Assert.Throws<BoundedFileException>(() => new ImageTree(_root.FullName).ReadText("etc/secret", 3));

        Assert.Equal("is larger than 3 bytes", error.Message);
    }

    private void Link(string at, string target) => File.CreateSymbolicLink(Path.Join(_root.FullName, at), target);
}
