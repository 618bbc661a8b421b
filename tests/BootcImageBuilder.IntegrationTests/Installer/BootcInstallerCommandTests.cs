using System.Text.Json.Nodes;
using BootcImageBuilder.Cli.Tests;
using BootcImageBuilder.IntegrationTests.Containers;
using BootcImageBuilder.Tests.Osbuild.Schema;

namespace BootcImageBuilder.IntegrationTests.Installer;

/// <summary><c>manifest --type bootc-installer</c> end to end on images built here.</summary>
[Collection(PodmanTestGroup.Name)]
public sealed class BootcInstallerCommandTests
{
    [SkippableFact]
    public async Task The_installer_iso_deploys_the_installer_container_and_carries_the_payload()
    {
        Skip.If(TestImages.MissingToolsReason is not null, TestImages.MissingToolsReason);
        var installer = await TestImages.EnsureBuiltAsync(TestImages.CentOsStream9("amd64"));
        var payload = await TestImages.EnsureBuiltAsync(TestImages.Fedora42("amd64"));

        var result = await BibProcess.RunAsync(
            ["manifest", "--type", "bootc-installer", "--installer-payload-ref", payload, "--target-arch", "x86_64", installer]);

        Assert.True(result.ExitCode == 0, result.Stderr);
        OsbuildSchema.AssertValid(result.Stdout);
        var manifest = JsonNode.Parse(result.Stdout)!;
        Assert.Equal(
            ["build", "anaconda-tree", "efiboot-tree", "bootiso-tree", "bootiso"],
            manifest["pipelines"]!.AsArray().Select(p => (string)p!["name"]!));
        var images = manifest["sources"]!["org.osbuild.containers-storage"]!["items"]!.AsObject().Select(i => i.Key).ToList();
        Assert.Contains($"sha256:{await PodmanProbe.ImageIdAsync(installer)}", images);
        Assert.Contains($"sha256:{await PodmanProbe.ImageIdAsync(payload)}", images);
        Assert.Contains(payload, result.Stdout, StringComparison.Ordinal);
        Assert.Empty(await PodmanProbe.ContainersOfAsync(installer));
    }

    [SkippableTheory]
    [InlineData(new string[0], "no installer payload bootc ref set")]
    [InlineData(new[] { "--installer-payload-ref", "localhost/payload:1", "--build-container", "localhost/other:1" }, "cannot use build-containers with anaconda installer images")]
    public async Task Refusals_come_before_any_container_starts(string[] flags, string expected)
    {
        Skip.If(TestImages.MissingToolsReason is not null, TestImages.MissingToolsReason);
        var installer = await TestImages.EnsureBuiltAsync(TestImages.CentOsStream9("amd64"));

        var result = await BibProcess.RunAsync(["manifest", "--type", "bootc-installer", .. flags, "--target-arch", "x86_64", installer]);

        Assert.Equal("cannot generate manifest: " + expected, result.ErrorMessage());
        Assert.Empty(await PodmanProbe.ContainersOfAsync(installer));
    }
}
