using BootcImageBuilder.IntegrationTests.Containers;

namespace BootcImageBuilder.IntegrationTests.EndToEnd;

/// <summary>
/// The Debian end-to-end image, with a <c>bootc/install</c> file matching its bootc stand-in, gives byte-identical
/// manifests whether its root filesystem type comes from the file or from <c>bootc install print-configuration</c>.
/// </summary>
[Collection(PodmanTestGroup.Name)]
public sealed class DebianInstallConfigPathsTests
{
    [SkippableTheory]
    [InlineData("amd64", "raw,qcow2,ami,vmdk,vhd,gce,ova")]
    [InlineData("s390x", "qcow2,raw")]
    [InlineData("ppc64le", "raw")]
    public async Task Both_ways_give_the_same_manifests(string goArch, string types)
    {
        Skip.If(TestImages.MissingToolsReason is not null, TestImages.MissingToolsReason);
        var imageRef = await DebianBootcImage.WithInstallConfigAsync(goArch);

        var outcome = await InstallConfigPaths.CompareAsync(imageRef, types, Arch.Parse(goArch));

        Assert.Equal(outcome.FromBootc, outcome.FromFiles);
        Assert.StartsWith("{", outcome.FromFiles, StringComparison.Ordinal);
        Assert.Equal((0, 1), (outcome.BootcRunsFromFiles, outcome.BootcRunsFromBootc));
    }
}
