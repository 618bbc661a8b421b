using System.Text;
using System.Text.Json.Nodes;
using BootcImageBuilder.Cli.Tests;
using BootcImageBuilder.IntegrationTests.Containers;
using BootcImageBuilder.Tests.Osbuild;
using BootcImageBuilder.Tests.Osbuild.Schema;

namespace BootcImageBuilder.IntegrationTests.Cli;

/// <summary>
/// <c>bootc-image-builder manifest --type pxe-tar-xz</c> end to end: real podman, images built here (their
/// <c>lsinitrd</c> answers the module list), osbuild's schemas and osbuild itself.
/// </summary>
[Collection(PodmanTestGroup.Name)]
public class PxeManifestCommandTests
{
    [SkippableTheory]
    [InlineData("amd64", "x86_64")]
    [InlineData("arm64", "aarch64")]
    public async Task The_pxe_manifest_exports_the_tree_from_the_images_kernel_and_osbuild_accepts_it(string goArch, string arch)
    {
        Skip.If(TestImages.MissingToolsReason is not null, TestImages.MissingToolsReason);
        var image = await TestImages.EnsureBuiltAsync(TestImages.CentOsStream9(goArch));

        var result = await BibProcess.RunAsync(["manifest", "--type", "pxe-tar-xz", "--target-arch", arch, image]);

        Assert.True(result.ExitCode == 0, result.Stderr);
        OsbuildSchema.AssertValid(result.Stdout);
        var manifest = JsonNode.Parse(result.Stdout)!;
        var pipelines = manifest["pipelines"]!.AsArray();
        Assert.Equal(["build", "image", "bootc-pxe-tree", "tar", "xz"], pipelines.Select(p => (string)p!["name"]!));
        var kernelCopy = pipelines[2]!["stages"]![3]!["options"]!["paths"]![0]!;
        Assert.Equal($"mount://-/usr/lib/modules/{TestImages.CentOsKernelPrefix}{arch}/vmlinuz", (string)kernelCopy["from"]!);
        var imageId = await PodmanProbe.ImageIdAsync(image);
        Assert.NotNull(manifest["sources"]!["org.osbuild.containers-storage"]!["items"]![$"sha256:{imageId}"]);
        Assert.Contains("\"bootc-pxe-tree\"", await PreparedOsbuild.InspectAsync(result.Stdout), StringComparison.Ordinal);
        Assert.Empty(await PodmanProbe.ContainersOfAsync(image));
    }

    [SkippableFact]
    public async Task Pxe_customizations_from_the_config_reach_the_deployment_and_grub_cfg()
    {
        Skip.If(TestImages.MissingToolsReason is not null, TestImages.MissingToolsReason);
        var image = await TestImages.EnsureBuiltAsync(TestImages.CentOsStream9("amd64"));
        const string config = """
            {"customizations": {
              "user": [{"name": "alice", "password": "pw", "groups": ["wheel"]}],
              "group": [{"name": "devs", "gid": 2000}],
              "directories": [{"path": "/etc/pxe-demo", "mode": "0750"}],
              "files": [{"path": "/etc/pxe-demo/motd", "data": "hello\n"}],
              "kernel": {"append": "quiet"}}}
            """;

        var result = await BibProcess.RunAsync(["manifest", "--type", "pxe-tar-xz", "--config", "-", "--target-arch", "x86_64", image], stdin: config);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(string.Empty, result.Stderr);
        var manifest = JsonNode.Parse(result.Stdout)!;
        var imageStages = manifest["pipelines"]!.AsArray().Single(p => (string)p!["name"]! == "image")!["stages"]!.AsArray();
        Assert.Equal(
            [
                "org.osbuild.groups", "org.osbuild.mkdir", "org.osbuild.users", "org.osbuild.mkdir", "org.osbuild.chmod",
                "org.osbuild.mkdir", "org.osbuild.chmod", "org.osbuild.copy", "org.osbuild.selinux", "org.osbuild.selinux",
            ],
            imageStages.Select(s => (string)s!["type"]!).SkipWhile(t => t != "org.osbuild.groups"));
        var inline = manifest["sources"]!["org.osbuild.inline"]!["items"]!.AsObject()
            .Select(item => Encoding.UTF8.GetString(Convert.FromBase64String((string)item.Value!["data"]!)))
            .ToList();
        Assert.Contains("hello\n", inline);
        Assert.Contains(inline, text => text.Contains("ostree=@OSTREE@ rw console=tty0 console=ttyS0 quiet\n", StringComparison.Ordinal));
        Assert.Contains(inline, text => text.StartsWith("bootc-image-builder network boot tree\n", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task An_image_whose_initrd_lacks_livenet_is_refused_with_upstreams_error_and_no_container_left()
    {
        Skip.If(TestImages.MissingToolsReason is not null, TestImages.MissingToolsReason);
        var image = await TestImages.EnsureBuiltAsync(TestImages.WithoutLivenetModule);

        var result = await BibProcess.RunAsync(["manifest", "--type", "pxe-tar-xz", "--target-arch", "x86_64", image]);

        Assert.Equal(
            "cannot generate manifest: bootc container initramfs requires ostree, dmsquash-live and livenet modules",
            result.SingleErrorLine());
        Assert.Equal(string.Empty, result.Stdout);
        Assert.Empty(await PodmanProbe.ContainersOfAsync(image));
    }

    [SkippableFact]
    public async Task The_same_image_gives_the_disk_manifest_a_live_initrd_is_not_needed_for()
    {
        Skip.If(TestImages.MissingToolsReason is not null, TestImages.MissingToolsReason);
        var image = await TestImages.EnsureBuiltAsync(TestImages.WithoutLivenetModule);

        var result = await BibProcess.RunAsync(["manifest", "--type", "qcow2", "--target-arch", "x86_64", image]);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.DoesNotContain("bootc-pxe-tree", result.Stdout, StringComparison.Ordinal);
    }
}
