using BootcImageBuilder.Building;

namespace BootcImageBuilder.Tests.Building;

public sealed class StorePersistenceTests : IDisposable
{
    private const string AnonymousVolume = "/var/lib/containers/storage/volumes/3f0c5e8f2b7a4d6c9e1f0a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d/_data";
    private readonly string _mountInfo = Path.GetTempFileName();

    public void Dispose() => File.Delete(_mountInfo);

    private string MountInfo(params (string Root, string MountPoint)[] mounts)
    {
        File.WriteAllLines(_mountInfo, mounts.Select((m, i) =>
            $"{100 + i} 1 0:{40 + i} {m.Root} {m.MountPoint} rw,relatime - ext4 /dev/vda rw"));
        return _mountInfo;
    }

    [Fact]
    public void Outside_a_container_the_store_is_the_users_own_directory()
    {
        Assert.True(StorePersistence.IsKept("/store", chosenByUser: false, inContainer: false, MountInfo(("/", "/"))));
    }

    [Fact]
    public void A_store_the_user_named_is_kept_wherever_it_lies()
    {
        Assert.True(StorePersistence.IsKept("/var/cache/bib", chosenByUser: true, inContainer: true, MountInfo(("/", "/"))));
        Assert.True(StorePersistence.IsKept("/store", chosenByUser: true, inContainer: true, MountInfo(("/", "/"), (AnonymousVolume, "/store"))));
        Assert.True(StorePersistence.IsKept("/var/cache/bib", chosenByUser: true, inContainer: false, MountInfo(("/", "/"))));
    }

    [Fact]
    public void A_store_on_the_containers_root_filesystem_goes_with_the_container()
    {
        Assert.False(StorePersistence.IsKept("/store", chosenByUser: false, inContainer: true, MountInfo(("/", "/"), ("/", "/output"))));
    }

    [Fact]
    public void An_anonymous_volume_goes_with_the_container()
    {
        Assert.False(StorePersistence.IsKept("/store", chosenByUser: false, inContainer: true, MountInfo(("/", "/"), (AnonymousVolume, "/store"))));
    }

    [Theory]
    [InlineData("/var/lib/containers/storage/volumes/bib-store/_data", "/store", "/store")]
    [InlineData("/home/me/bib/store", "/store", "/store")]
    [InlineData("/srv/cache", "/cache", "/cache/osbuild")]
    public void A_bind_mount_or_a_named_volume_is_kept(string root, string mountPoint, string store)
    {
        Assert.True(StorePersistence.IsKept(store, chosenByUser: false, inContainer: true, MountInfo(("/", "/"), (root, mountPoint))));
    }

    [Fact]
    public void The_mount_deepest_under_the_store_path_decides_and_later_mounts_win()
    {
        var info = MountInfo(("/", "/"), ("/home/me/keep", "/work"), (AnonymousVolume, "/work/store"));
        Assert.False(StorePersistence.IsKept("/work/store", chosenByUser: false, inContainer: true, info));
        Assert.True(StorePersistence.IsKept("/work/store2", chosenByUser: false, inContainer: true, info));
        info = MountInfo(("/", "/"), (AnonymousVolume, "/store"), ("/home/me/keep", "/store"));
        Assert.True(StorePersistence.IsKept("/store", chosenByUser: false, inContainer: true, info));
    }

    [Fact]
    public void Escaped_mount_points_are_read_as_paths()
    {
        Assert.True(StorePersistence.IsKept("/my store", chosenByUser: false, inContainer: true, MountInfo(("/", "/"), ("/srv/keep", "/my\\040store"))));
    }
}
