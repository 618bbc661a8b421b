using BootcImageBuilder.Blueprint;
using BootcImageBuilder.Containers;
using BootcImageBuilder.Depsolve;
using BootcImageBuilder.Distro;
using BootcImageBuilder.Images;
using BootcImageBuilder.Images.Kinds.Installer;
using BootcImageBuilder.Osbuild;
using BootcImageBuilder.Randomness;
using BootcImageBuilder.Tests.Osbuild;

namespace BootcImageBuilder.IntegrationTests.Installer;

/// <summary>osbuild itself (from ../shared/tools/osbuild/prepare) accepts the installer ISO manifests: <c>osbuild --inspect</c>.</summary>
public sealed class IsoManifestInspectTests
{
    private const string ImageId = "d84eacd1acb5a4b5fe43fd494dec79a0c0d732a02af7a8244b1c1ed0cea042cf";

    [SkippableTheory]
    [InlineData("x86_64")]
    [InlineData("aarch64")]
    public async Task Osbuild_inspects_the_legacy_iso_manifest(string archName)
    {
        var arch = Arch.Parse(archName);
        var container = Container(arch);
        var plan = LegacyIsoPlan.Create(Input(container), new DistroDefinitionLookup([Path.Combine(SharedReferenceFiles.RepositoryRoot()!, "data", "defs")]));
        var manifest = plan.Manifest(Resolved(arch, "coreutils", "aa"), Resolved(arch, "kernel", "bb"), useLibrepo: true, new SeededRandomSource(1));

        var pipelines = await InspectAsync(manifest);

        Assert.Equal(["build", "anaconda-tree", "efiboot-tree", "bootiso-tree", "bootiso"], pipelines);
    }

    [SkippableTheory]
    [InlineData("x86_64")]
    [InlineData("aarch64")]
    public async Task Osbuild_inspects_the_bootc_installer_manifest(string archName)
    {
        var manifest = BootcInstallerIso.Generate(Container(Arch.Parse(archName)), "localhost/payload:latest", ImageId, null, new SeededRandomSource(1));

        var pipelines = await InspectAsync(manifest);

        Assert.Equal(["build", "anaconda-tree", "efiboot-tree", "bootiso-tree", "bootiso"], pipelines);
    }

    private static async Task<IReadOnlyList<string>> InspectAsync(Manifest manifest)
    {
        Skip.If(SharedReferenceFiles.SharedDirectory is null && !IsCi, PreparedOsbuild.MissingReason);
        var inspected = System.Text.Json.Nodes.JsonNode.Parse(await PreparedOsbuild.InspectAsync(ManifestJson.ToCompactString(manifest)))!;
        return [.. inspected["pipelines"]!.AsArray().Select(p => (string)p!["name"]!)];
    }

    private static bool IsCi => Environment.GetEnvironmentVariable("CI") == "true";

    private static BootcInfo Container(Arch arch) => new(
        "localhost/installer:latest",
        ImageId,
        arch,
        "xfs",
        1UL << 30,
        new OsInfo
        {
            OsRelease = new OsRelease("centos", "9", "CentOS Stream", PlatformId: "platform:el9"),
            UefiVendor = "centos",
            Kernel = new KernelInfo("5.14.0-570.el9." + arch.Name, false),
        });

    private static ImageKindInput Input(BootcInfo container) =>
        new(
            new ManifestRequest(container.ImageRef, ImageTypeSet.Parse(["anaconda-iso"])) { Config = BlueprintConfig.Empty },
            ImageTypeSet.Parse(["anaconda-iso"]),
            new ResolvedContainers(container, container),
            new SeededRandomSource(1));

    private static DepsolveResult Resolved(Arch arch, string name, string checksumPrefix)
    {
        var repository = new RepositoryConfig { Id = "baseos", BaseUrls = ["https://mirror.example/baseos/"] };
        var package = new RpmPackage
        {
            Name = name,
            Version = "5.14.0",
            Release = "570.el9",
            Arch = arch.Name,
            RepoId = repository.Id,
            Location = $"Packages/{name}.rpm",
            RemoteLocations = [$"https://mirror.example/baseos/Packages/{name}.rpm"],
            Checksum = new PackageChecksum("sha256", checksumPrefix + new string('0', 62)),
        };
        return new DepsolveResult("dnf", [[package]], [repository]);
    }
}
