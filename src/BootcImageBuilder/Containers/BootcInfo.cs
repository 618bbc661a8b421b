namespace BootcImageBuilder.Containers;

/// <summary>What the manifest generator knows about a bootc container, read from podman and its root tree.</summary>
/// <param name="ImageRef">The reference the user gave, e.g. <c>quay.io/centos-bootc/centos-bootc:stream9</c>.</param>
/// <param name="ImageId">The full image id (sha256 hex, no prefix); keys the containers-storage source.</param>
/// <param name="Arch">The image's declared architecture.</param>
/// <param name="DefaultRootFs">From <c>bootc install print-configuration</c> or <c>--rootfs</c>; null when neither says.</param>
/// <param name="Size">The image size in bytes, as <c>podman image inspect {{.Size}}</c> reports it.</param>
/// <param name="OsInfo">What the image's root tree says about itself.</param>
public sealed record BootcInfo(
    string ImageRef,
    string ImageId,
    Arch Arch,
    string? DefaultRootFs,
    ulong Size,
    OsInfo OsInfo);

/// <summary>The parts of a bootc image's root tree that shape the manifest.</summary>
public sealed record OsInfo
{
    public required OsRelease OsRelease { get; init; }

    /// <summary>The EFI vendor directory name (<c>fedora</c>, <c>centos</c>, <c>redhat</c>); null when none was found.</summary>
    public string? UefiVendor { get; init; }

    /// <summary><c>SELINUXTYPE</c> from <c>etc/selinux/config</c>; null when SELinux is not configured.</summary>
    public string? SelinuxPolicy { get; init; }

    public KernelInfo? Kernel { get; init; }

    public IReadOnlyList<string> InitrdModules { get; init; } = [];

    /// <summary>The raw text of an embedded <c>config.json</c>/<c>config.toml</c>, when the image carries one.</summary>
    public EmbeddedFile? EmbeddedConfig { get; init; }

    /// <summary>The raw text of <c>disk.yaml</c>, when the image carries one.</summary>
    public EmbeddedFile? DiskYaml { get; init; }

    /// <summary>The raw text of <c>iso.yaml</c>, when the image carries one.</summary>
    public EmbeddedFile? IsoYaml { get; init; }
}

/// <summary>The os-release fields upstream reads. ID, VERSION_ID and NAME are required.</summary>
public sealed record OsRelease(
    string Id,
    string VersionId,
    string Name,
    string? PlatformId = null,
    string? VariantId = null,
    IReadOnlyList<string>? IdLike = null);

/// <summary>The first kernel found under <c>usr/lib/modules</c>.</summary>
public sealed record KernelInfo(string Version, bool HasAbootImg);

/// <summary>A configuration file found inside the image: its path within the image and its contents.</summary>
public sealed record EmbeddedFile(string Path, string Contents);
