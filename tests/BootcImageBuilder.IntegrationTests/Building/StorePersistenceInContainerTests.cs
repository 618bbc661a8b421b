using BootcImageBuilder.Building;
using BootcImageBuilder.IntegrationTests.Containers;

namespace BootcImageBuilder.IntegrationTests.Building;

/// <summary>
/// The store-persistence rule against the mount tables real podman gives a container: the default /store on the
/// container's own filesystem, on an anonymous volume, on a named volume, and bind-mounted from the host; and a store
/// the user named.
/// </summary>
[Collection(PodmanTestGroup.Name)]
public sealed class StorePersistenceInContainerTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("bib-store-mounts-").FullName;
    private readonly string _volume = $"bib-test-store-{Guid.NewGuid():N}";

    public void Dispose()
    {
        new BootcImageBuilder.Processes.ProcessRunner().RunAsync("podman", ["volume", "rm", "--force", _volume], CancellationToken.None).GetAwaiter().GetResult();
        Directory.Delete(_work, recursive: true);
    }

    private Task<bool> KeptWithAsync(params string[] volumeArguments) => KeptWithAsync(chosenByUser: false, volumeArguments);

    private async Task<bool> KeptWithAsync(bool chosenByUser, params string[] volumeArguments)
    {
        Skip.If(TestImages.MissingToolsReason is not null, TestImages.MissingToolsReason);
        var image = await TestImages.EnsureBuiltAsync(TestImages.CentOsStream9("amd64"));
        var mountInfo = await TestImages.RunCheckedAsync(
            "podman", ["run", "--rm", .. volumeArguments, "--entrypoint", "cat", "--", image, "/proc/self/mountinfo"]);
        var path = Path.Join(_work, $"mountinfo-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(path, mountInfo);
        return StorePersistence.IsKept("/store", chosenByUser, inContainer: true, path);
    }

    [SkippableFact]
    public async Task The_containers_own_filesystem_is_thrown_away()
    {
        Assert.False(await KeptWithAsync());
    }

    [SkippableFact]
    public async Task A_store_named_with_store_is_kept_even_on_the_containers_own_filesystem()
    {
        Assert.True(await KeptWithAsync(chosenByUser: true));
        Assert.True(await KeptWithAsync(chosenByUser: true, "-v", "/store"));
    }

    [SkippableFact]
    public async Task An_anonymous_volume_is_thrown_away()
    {
        Assert.False(await KeptWithAsync("-v", "/store"));
    }

    [SkippableFact]
    public async Task A_named_volume_is_kept()
    {
        Assert.True(await KeptWithAsync("-v", $"{_volume}:/store"));
    }

    [SkippableFact]
    public async Task A_host_directory_is_kept()
    {
        var host = Directory.CreateDirectory(Path.Join(_work, "store")).FullName;
        Assert.True(await KeptWithAsync("-v", $"{host}:/store"));
    }
}
