using BootcImageBuilder.IntegrationTests.Containers;

namespace BootcImageBuilder.IntegrationTests.Depsolve;

/// <summary>
/// A local RPM repository built with rpmbuild and createrepo_c: <c>app</c> requires <c>lib</c> and recommends
/// <c>extra</c>, <c>lib</c> requires <c>base</c>; <c>unrelated</c> is required by nothing.
/// </summary>
internal static class TestRpmRepository
{
    public const string RepoId = "bib-test";
    public const string RepoName = "bib test packages";

    public static readonly IReadOnlyList<string> PackageNames = ["app", "lib", "base", "extra", "unrelated"];

    /// <summary>Builds the packages into <paramref name="directory"/> and makes it a repository.</summary>
    public static async Task CreateAsync(string directory)
    {
        var work = Directory.CreateTempSubdirectory("bib-test-rpmbuild-");
        try
        {
            foreach (var (name, dependencies) in new[]
            {
                ("app", "Requires: lib\nRecommends: extra\n"),
                ("lib", "Requires: base\n"),
                ("base", ""),
                ("extra", ""),
                ("unrelated", ""),
            })
            {
                var spec = Path.Join(work.FullName, $"{name}.spec");
                await File.WriteAllTextAsync(spec, $"""
                    Name: {name}
                    Version: 1.0
                    Release: 1
                    Summary: bootc-image-builder test package {name}
                    License: MIT
                    BuildArch: noarch
                    {dependencies}
                    %description
                    A package for depsolve tests.

                    %files

                    """);
                await TestImages.RunCheckedAsync(
                    "rpmbuild", "-bb", "--quiet", "--define", $"_topdir {work.FullName}/build", "--define", $"_rpmdir {directory}", spec);
            }

            await TestImages.RunCheckedAsync("createrepo_c", "--quiet", directory);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>A repo file for <paramref name="baseUrl"/>.</summary>
    public static string RepoFile(string baseUrl, string id = RepoId, string name = RepoName) =>
        $"[{id}]\nname={name}\nbaseurl={baseUrl}\nenabled=1\ngpgcheck=0\n";
}
