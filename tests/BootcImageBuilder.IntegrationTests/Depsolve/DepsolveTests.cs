using System.Security.Cryptography;
using BootcImageBuilder.Depsolve;

namespace BootcImageBuilder.IntegrationTests.Depsolve;

[Collection(DepsolveTestGroup.Name)]
public sealed class DepsolveTests(DepsolveFixture fixture) : IDisposable
{
    private readonly DirectoryInfo _cache = Directory.CreateTempSubdirectory("bib-test-rpmmd-");

    public void Dispose() => _cache.Delete(recursive: true);

    [Theory]
    [MemberData(nameof(Solvers.Both), MemberType = typeof(Solvers))]
    public async Task A_requires_chain_resolves_without_weak_dependencies(string solver)
    {
        var result = await DepsolveAsync(solver, new PackageSet("app"));

        Assert.Equal([["app", "base", "lib"]], Names(result));
    }

    [Theory]
    [MemberData(nameof(Solvers.Both), MemberType = typeof(Solvers))]
    public async Task Weak_dependencies_are_installed_when_asked_for(string solver)
    {
        var result = await DepsolveAsync(solver, new PackageSet(["app"], [], InstallWeakDependencies: true));

        Assert.Equal([["app", "base", "extra", "lib"]], Names(result));
    }

    [Theory]
    [MemberData(nameof(Solvers.Both), MemberType = typeof(Solvers))]
    public async Task Excluded_packages_are_not_installed(string solver)
    {
        var result = await DepsolveAsync(solver, new PackageSet(["app"], ["extra"], InstallWeakDependencies: true));

        Assert.Equal([["app", "base", "lib"]], Names(result));
    }

    [Theory]
    [MemberData(nameof(Solvers.Both), MemberType = typeof(Solvers))]
    public async Task Each_set_of_a_chain_lists_only_what_it_adds(string solver)
    {
        var result = await DepsolveAsync(
            solver, new PackageSet("lib"), new PackageSet(["app", "base"], [], InstallWeakDependencies: true), new PackageSet("unrelated"));

        Assert.Equal([["base", "lib"], ["app", "extra"], ["unrelated"]], Names(result));
    }

    [Theory]
    [MemberData(nameof(Solvers.Both), MemberType = typeof(Solvers))]
    public async Task Packages_carry_location_url_checksum_and_repository(string solver)
    {
        var result = await DepsolveAsync(solver, new PackageSet("base"));

        var package = Assert.Single(result.Packages);
        var rpm = Path.Join(fixture.RepositoryDirectory, "noarch/base-1.0-1.noarch.rpm");
        Assert.Equal(
            new RpmPackage
            {
                Name = "base",
                Epoch = 0,
                Version = "1.0",
                Release = "1",
                Arch = "noarch",
                RepoId = TestRpmRepository.RepoId,
                Location = "noarch/base-1.0-1.noarch.rpm",
                RemoteLocations = Array.Empty<string>(),
                Checksum = new PackageChecksum("sha256", Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(rpm)))),
            },
            package with { RemoteLocations = Array.Empty<string>() });
        Assert.Equal([$"file://{rpm}"], package.RemoteLocations);
        Assert.Equal("base-1.0-1.noarch", package.Nevra);
        var repository = Assert.Single(result.Repositories);
        Assert.Same(repository, result.RepositoryOf(package));
        Assert.Equal(
            (TestRpmRepository.RepoId, TestRpmRepository.RepoName, $"file://{fixture.RepositoryDirectory}", false, true, false),
            (repository.Id, repository.Name, Assert.Single(repository.BaseUrls), repository.GpgCheck, repository.SslVerify, repository.UsesClientCertificate));
        Assert.Equal("dnf", result.Solver);
    }

    [Fact]
    public async Task Both_solvers_give_the_same_packages_and_repositories()
    {
        PackageSet[] chain = [new("lib"), new(["app"], ["unrelated"], InstallWeakDependencies: true)];

        var osbuild = await DepsolveAsync(Solvers.Osbuild, chain);
        var helper = await DepsolveAsync(Solvers.Helper, chain);

        Assert.Equal(Describe(osbuild), Describe(helper));
        Assert.Equal(osbuild.Repositories.Select(DescribeRepository), helper.Repositories.Select(DescribeRepository));
    }

    [Theory]
    [MemberData(nameof(Solvers.Both), MemberType = typeof(Solvers))]
    public async Task The_cache_is_kept_per_platform_release_and_arch(string solver)
    {
        await DepsolveAsync(solver, new PackageSet("base"));

        Assert.Equal(["platform:el9-9-x86_64"], _cache.GetDirectories().Select(directory => directory.Name));
        Assert.NotEmpty(Directory.GetDirectories(Path.Join(_cache.FullName, "platform:el9-9-x86_64"), $"{TestRpmRepository.RepoId}-*"));
    }

    [Theory]
    [MemberData(nameof(Solvers.Both), MemberType = typeof(Solvers))]
    public async Task A_missing_package_fails_with_dnfs_marking_error(string solver)
    {
        var error = await Assert.ThrowsAsync<DepsolveException>(() => DepsolveAsync(solver, new PackageSet("app", "no-such-package")));

        Assert.Equal(
            "DNF error occurred: MarkingErrors: Error occurred when marking packages for installation: Problems in request:\n"
            + "missing packages: no-such-package",
            error.Message);
    }

    [Theory]
    [MemberData(nameof(Solvers.Both), MemberType = typeof(Solvers))]
    public async Task Excluding_a_required_package_fails_with_dnfs_depsolve_error(string solver)
    {
        var error = await Assert.ThrowsAsync<DepsolveException>(() => DepsolveAsync(solver, new PackageSet(["app"], ["base"])));

        Assert.Equal(
            "DNF error occurred: DepsolveError: There was a problem depsolving app: \n"
            + " Problem: package app-1.0-1.noarch requires lib, but none of the providers can be installed\n"
            + "  - package lib-1.0-1.noarch requires base, but none of the providers can be installed\n"
            + "  - conflicting requests\n"
            + "  - package base-1.0-1.noarch is filtered out by exclude filtering",
            error.Message);
    }

    [Theory]
    [MemberData(nameof(Solvers.Both), MemberType = typeof(Solvers))]
    public async Task An_unreadable_repository_fails_with_a_repo_error(string solver)
    {
        var root = WriteRoot(TestRpmRepository.RepoFile($"file://{_cache.FullName}/not-a-repo", "broken", "Broken"));

        var error = await Assert.ThrowsAsync<DepsolveException>(() => DepsolveAsync(solver, root, new PackageSet("app")));

        Assert.Equal(
            "DNF error occurred: RepoError: There was a problem reading a repository: Failed to download metadata for repo 'broken': "
            + "Cannot download repomd.xml: Cannot download repodata/repomd.xml: All mirrors were tried",
            error.Message);
    }

    [Theory]
    [MemberData(nameof(Solvers.Both), MemberType = typeof(Solvers))]
    public async Task A_root_without_repositories_fails_with_a_no_repos_error(string solver)
    {
        var root = WriteRoot(null);

        var error = await Assert.ThrowsAsync<DepsolveException>(() => DepsolveAsync(solver, root, new PackageSet("app")));

        Assert.Equal(
            "DNF error occurred: NoReposError: There was a problem finding repositories: There are no enabled repositories", error.Message);
    }

    private Task<DepsolveResult> DepsolveAsync(string solver, params PackageSet[] chain) =>
        DepsolveAsync(solver, fixture.RootDirectory, chain);

    private Task<DepsolveResult> DepsolveAsync(string solver, string root, params PackageSet[] chain) =>
        Solvers.Create(solver, fixture).DepsolveAsync(
            new DepsolveRequest("platform:el9", "9", "x86_64", _cache.FullName, root, chain), CancellationToken.None);

    private string WriteRoot(string? repoFile)
    {
        var repos = Directory.CreateDirectory(Path.Join(_cache.FullName, "root/etc/yum.repos.d"));
        if (repoFile is not null)
        {
            File.WriteAllText(Path.Join(repos.FullName, "test.repo"), repoFile);
        }

        return Path.Join(_cache.FullName, "root");
    }

    private static List<List<string>> Names(DepsolveResult result) =>
        [.. result.Transactions.Select(transaction => transaction.Select(package => package.Name).ToList())];

    private static List<List<string>> Describe(DepsolveResult result) =>
        [.. result.Transactions.Select(transaction => transaction
            .Select(p => $"{p.Nevra} {p.RepoId} {p.Location} {string.Join(',', p.RemoteLocations)} {p.Checksum}")
            .ToList())];

    private static string DescribeRepository(RepositoryConfig repository) =>
        string.Join(
            '|',
            repository with { BaseUrls = Array.Empty<string>(), GpgKeys = Array.Empty<string>() },
            string.Join(',', repository.BaseUrls),
            string.Join(',', repository.GpgKeys));
}
