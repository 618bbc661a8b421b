using BootcImageBuilder.Depsolve;

namespace BootcImageBuilder.Tests.Depsolve;

public sealed class CacheDirectoryTests
{
    [Theory]
    [InlineData("platform:el9", "9", "x86_64", "/rpmmd/platform:el9-9-x86_64")]
    [InlineData("platform:f42", "42", "aarch64", "/rpmmd/platform:f42-42-aarch64")]
    [InlineData("odd/platform", "1", "s390x", "/rpmmd/platform-1-s390x")]
    [InlineData("x", "1", "arch/", "/rpmmd/x-1-arch")]
    [InlineData("a/b", "1", "c/d", "/rpmmd/d")]
    public void The_cache_directory_is_named_after_platform_release_and_arch(string platform, string release, string arch, string expected)
    {
        var request = new DepsolveRequest(platform, release, arch, "/rpmmd", "/root", [new("a")]);

        Assert.Equal(expected, request.CacheDirectory);
    }
}
