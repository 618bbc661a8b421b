using System.Text.Json.Nodes;
using BootcImageBuilder.Images.Kinds.Pxe;
using BootcImageBuilder.Osbuild;
using BootcImageBuilder.Randomness;
using BootcImageBuilder.Tests.Osbuild;

namespace BootcImageBuilder.Tests.Images;

/// <summary>osbuild itself (the pinned release in ../shared) loads every PXE manifest: stages, inputs, devices, mounts.</summary>
public class BootcPxeOsbuildInspectTests
{
    [SkippableTheory]
    [InlineData("x86_64")]
    [InlineData("aarch64")]
    [InlineData("ppc64le")]
    [InlineData("s390x")]
    public async Task Osbuild_inspect_accepts_the_manifest(string arch)
    {
        Skip.If(SharedReferenceFiles.SharedDirectory is null, PreparedOsbuild.MissingReason);
        var request = PxeImageSamples.Request(Arch.Parse(arch), PxeImageSamples.Supported);

        var inspected = JsonNode.Parse(await PreparedOsbuild.InspectAsync(ManifestJson.ToCompactString(BootcPxeImage.Generate(request, new SeededRandomSource(1)))))!;

        Assert.Equal(
            ["build", "image", "bootc-pxe-tree", "tar", "xz"],
            inspected["pipelines"]!.AsArray().Select(p => (string)p!["name"]!));
        Assert.All(inspected["pipelines"]!.AsArray(), p => Assert.NotNull(p!["stages"]![0]!["id"]));
    }
}
