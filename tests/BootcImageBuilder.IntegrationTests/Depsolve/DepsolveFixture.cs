using BootcImageBuilder.IntegrationTests.Containers;
using BootcImageBuilder.Tests.Osbuild;

namespace BootcImageBuilder.IntegrationTests.Depsolve;

/// <summary>
/// Built once for all depsolve tests: the test repository, a from-scratch image whose <c>/etc/yum.repos.d</c>
/// points at it, that image mounted as the root directory, and osbuild's own solver.
/// </summary>
public sealed class DepsolveFixture : IAsyncLifetime
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("bib-test-depsolve-");
    private TestImage? _image;

    public string RepositoryDirectory => Path.Join(_work.FullName, "repo");

    /// <summary>The mounted image: the <c>root_dir</c> of requests.</summary>
    public string RootDirectory { get; private set; } = "";

    /// <summary><c>bin/osbuild-depsolve-dnf</c> of the pinned osbuild that <c>shared/tools/osbuild/prepare</c> unpacks.</summary>
    public string OsbuildSolver { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (TestImages.MissingToolsReason is { } missing)
        {
            throw new InvalidOperationException(missing);
        }

        await TestRpmRepository.CreateAsync(RepositoryDirectory);
        _image = new TestImage(
            "depsolve",
            "amd64",
            true,
            new Dictionary<string, string>
            {
                ["/usr/lib/os-release"] = TestImages.CentOsStream9OsRelease,
                ["/etc/yum.repos.d/bib-test.repo"] = TestRpmRepository.RepoFile($"file://{RepositoryDirectory}"),
            },
            [],
            []);
        var imageRef = await TestImages.EnsureBuiltAsync(_image);
        RootDirectory = (await TestImages.RunCheckedAsync("podman", "image", "mount", imageRef)).Trim();

        var shared = SharedReferenceFiles.SharedDirectory
            ?? throw new InvalidOperationException("../shared (with tools/osbuild) is missing next to the repository");
        var osbuild = (await TestImages.RunCheckedAsync(Path.Join(shared, "tools/osbuild/prepare"))).Trim();
        OsbuildSolver = Path.Join(osbuild, "bin/osbuild-depsolve-dnf");
    }

    public async Task DisposeAsync()
    {
        if (_image is not null && RootDirectory.Length > 0)
        {
            await TestImages.RunCheckedAsync("podman", "image", "unmount", _image.Ref);
        }

        _work.Delete(recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class DepsolveTestGroup : ICollectionFixture<DepsolveFixture>
{
    public const string Name = "Depsolve";
}
