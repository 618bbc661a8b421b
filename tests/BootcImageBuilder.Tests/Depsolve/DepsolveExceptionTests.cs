using BootcImageBuilder.Depsolve;

namespace BootcImageBuilder.Tests.Depsolve;

public sealed class DepsolveExceptionTests
{
    [Fact]
    public void Quoted_repository_ids_get_their_name_and_url()
    {
        RepositoryConfig[] repositories =
        [
            new() { Id = "baseos", Name = "BaseOS", BaseUrls = ["https://a/1", "https://a/2"] },
            new() { Id = "appstream", Metalink = "https://m/metalink" },
            new() { Id = "extras", Name = "Extras", MirrorList = "https://m/mirrors" },
        ];

        var reason = DepsolveException.AnnotateRepositories(
            "repo 'baseos' failed, 'appstream' too, 'extras' as well, baseos unquoted", repositories);

        Assert.Equal(
            "repo 'baseos' [BaseOS: https://a/1,https://a/2] failed, 'appstream' [https://m/metalink] too, "
            + "'extras' [Extras: https://m/mirrors] as well, baseos unquoted",
            reason);
    }

    [Fact]
    public void The_message_is_upstreams_dnf_error()
    {
        Assert.Equal("DNF error occurred: RepoError: gone", new DepsolveException("RepoError", "gone").Message);
        Assert.Equal(
            "DNF error occurred: InternalError: osbuild-depsolve-dnf output was empty: exit status 1",
            DepsolveException.EmptyOutput("exit status 1").Message);
    }
}
