using BootcImageBuilder.Blueprint;
using BootcImageBuilder.Containers;
using BootcImageBuilder.Depsolve;
using BootcImageBuilder.Distro;
using BootcImageBuilder.Images;
using BootcImageBuilder.Images.Kinds.Installer;
using BootcImageBuilder.Osbuild;
using BootcImageBuilder.Randomness;
using BootcImageBuilder.Tests.Osbuild;

namespace BootcImageBuilder.Tests.Images.Installer;

/// <summary>Containers, resolved packages and requests the installer ISO tests build from.</summary>
public static class IsoSamples
{
    public const string ImageRef = "quay.io/centos-bootc/centos-bootc:stream9";
    public const string ImageId = "d84eacd1acb5a4b5fe43fd494dec79a0c0d732a02af7a8244b1c1ed0cea042cf";
    public const string PayloadRef = "quay.io/example/payload:latest";
    public const string PayloadId = "1111111111111111111111111111111111111111111111111111111111111111";
    public const string KernelVersion = "5.14.0-570.el9";

    public static BootcInfo Container(Arch arch, OsRelease? osRelease = null, string? uefiVendor = "centos", string rootfs = "xfs") => new(
        ImageRef,
        ImageId,
        arch,
        rootfs,
        1UL << 30,
        new OsInfo
        {
            OsRelease = osRelease ?? new OsRelease("centos", "9", "CentOS Stream", PlatformId: "platform:el9"),
            UefiVendor = uefiVendor,
            SelinuxPolicy = "targeted",
            Kernel = new KernelInfo("5.14.0-570.el9." + arch.Name, false),
        });

    public static ImageKindInput Input(BootcInfo container, Customizations? customizations = null, string type = "anaconda-iso") =>
        new(
            new ManifestRequest(container.ImageRef, ImageTypeSet.Parse([type])) { Config = BlueprintConfig.Empty with { Customizations = customizations } },
            ImageTypeSet.Parse([type]),
            new ResolvedContainers(container, container),
            new SeededRandomSource(7));

    public static DistroDefinitionLookup Definitions =>
        new([Path.Combine(SharedReferenceFiles.RepositoryRoot() ?? throw new InvalidOperationException("no repository root"), "data", "defs")]);

    public static LegacyIsoPlan Plan(Arch arch, Customizations? customizations = null, OsRelease? osRelease = null, string? uefiVendor = "centos") =>
        LegacyIsoPlan.Create(Input(Container(arch, osRelease, uefiVendor), customizations), Definitions);

    public static Manifest LegacyManifest(Arch arch, Customizations? customizations = null, bool useLibrepo = true) =>
        Plan(arch, customizations).Manifest(BuildResult(arch), AnacondaResult(arch), useLibrepo, new SeededRandomSource(7));

    public static RepositoryConfig BaseOs { get; } = new()
    {
        Id = "baseos",
        BaseUrls = ["https://mirror.example/baseos/"],
        GpgCheck = true,
        GpgKeys = ["-----BEGIN PGP PUBLIC KEY BLOCK-----\nbaseos\n-----END PGP PUBLIC KEY BLOCK-----\n"],
    };

    public static RepositoryConfig AppStream { get; } = new()
    {
        Id = "appstream",
        Metalink = "https://mirrors.example/metalink?repo=appstream",
        GpgCheck = false,
        SslVerify = false,
    };

    public static DepsolveResult BuildResult(Arch arch) => new(
        "dnf5",
        [[Package("coreutils", arch, BaseOs, "aa"), Package("xorriso", arch, AppStream, "ab"), Package("tar", arch, BaseOs, "ac")]],
        [AppStream, BaseOs]);

    public static DepsolveResult AnacondaResult(Arch arch) => new(
        "dnf5",
        [[Package("anaconda", arch, AppStream, "ba"), Package("kernel", arch, BaseOs, "bb", "5.14.0", "570.el9")]],
        [AppStream, BaseOs]);

    public static RpmPackage Package(string name, Arch arch, RepositoryConfig repository, string checksumPrefix, string version = "1.0", string release = "1.el9") => new()
    {
        Name = name,
        Version = version,
        Release = release,
        Arch = arch.Name,
        RepoId = repository.Id,
        Location = $"Packages/{name}-{version}-{release}.{arch.Name}.rpm",
        RemoteLocations = [$"{(repository.BaseUrls.Count > 0 ? repository.BaseUrls[0] : "https://mirror.example/appstream/")}Packages/{name}-{version}-{release}.{arch.Name}.rpm"],
        Checksum = new PackageChecksum("sha256", checksumPrefix + new string('0', 62)),
    };

    public static string ChecksumOf(string checksumPrefix) => "sha256:" + checksumPrefix + new string('0', 62);
}
