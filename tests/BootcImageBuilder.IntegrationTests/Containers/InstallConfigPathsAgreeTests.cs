namespace BootcImageBuilder.IntegrationTests.Containers;

/// <summary>
/// Every test image gives byte-identical manifests whether its root filesystem type comes from its
/// <c>bootc/install</c> files or from <c>bootc install print-configuration</c>; where the files answer, bootc never ran.
/// </summary>
[Collection(PodmanTestGroup.Name)]
public sealed class InstallConfigPathsAgreeTests
{
    private const string DiskTypes = "raw,qcow2,ami,vmdk,vhd,gce,ova";

    public static TheoryData<string, string, bool> Fixtures() => new()
    {
        { "centos9-amd64", DiskTypes, true },
        { "centos9-amd64", "pxe-tar-xz", true },
        { "centos9-arm64", DiskTypes, true },
        { "centos9-ppc64le", DiskTypes, true },
        { "centos9-s390x", "raw,qcow2", true },
        { "embedded-config", "qcow2", true },
        { "embedded-filesystem", "raw", true },
        // No bootc/install files: both ways ask bootc (Fedora sets no root type: both end in the same error).
        { "fedora42-amd64", "qcow2", false },
        { "fedora42-arm64", "raw", false },
        { "failing-bootc", "qcow2", false },
        { "vfat-rootfs", "qcow2", false },
    };

    [SkippableTheory]
    [MemberData(nameof(Fixtures))]
    public async Task Both_ways_give_the_same_manifests(string fixture, string types, bool filesAnswer)
    {
        Skip.If(TestImages.MissingToolsReason is not null, TestImages.MissingToolsReason);
        var image = Fixture(fixture);
        var imageRef = await TestImages.EnsureBuiltAsync(image);

        var outcome = await InstallConfigPaths.CompareAsync(imageRef, types, Arch.Parse(image.GoArch));

        Assert.Equal(outcome.FromBootc, outcome.FromFiles);
        Assert.Equal((filesAnswer ? 0 : 1, 1), (outcome.BootcRunsFromFiles, outcome.BootcRunsFromBootc));
    }

    private static TestImage Fixture(string name) => name switch
    {
        "embedded-config" => TestImages.WithEmbeddedConfig,
        "embedded-filesystem" => TestImages.WithEmbeddedFilesystemConfig,
        "failing-bootc" => TestImages.FailingBootc,
        "vfat-rootfs" => TestImages.VfatRootFs,
        _ when name.StartsWith("centos9-", StringComparison.Ordinal) => TestImages.CentOsStream9(name["centos9-".Length..]),
        _ => TestImages.Fedora42(name["fedora42-".Length..]),
    };
}
