using BootcImageBuilder.Blueprint;
using BootcImageBuilder.Disk;
using BootcImageBuilder.Distro;

namespace BootcImageBuilder.Images;

/// <summary>What the user asked for: the image types of one container, with the config and every flag typed.</summary>
/// <param name="ImageRef">The bootc image in local container storage.</param>
/// <param name="Types">The requested image types.</param>
public sealed record ManifestRequest(string ImageRef, ImageTypeSet Types)
{
    public BlueprintConfig Config { get; init; } = BlueprintConfig.Empty;

    /// <summary>
    /// <c>--config</c>: the file <see cref="Building.ManifestProduction"/> reads <see cref="Config"/> from (<c>-</c> is
    /// stdin; null looks for <c>/config.toml</c> and <c>/config.json</c>). The generator itself reads only <see cref="Config"/>.
    /// </summary>
    public string? ConfigPath { get; init; }

    /// <summary><c>--target-arch</c>; null means the host's architecture.</summary>
    public Arch? TargetArch { get; init; }

    /// <summary><c>--rootfs</c>: overrides the container's default root filesystem type.</summary>
    public FilesystemType? RootfsOverride { get; init; }

    /// <summary><c>--build-container</c>; null builds with the image itself.</summary>
    public string? BuildContainerRef { get; init; }

    /// <summary><c>--installer-payload-ref</c>: the container a bootc-installer ISO installs.</summary>
    public string? InstallerPayloadRef { get; init; }

    /// <summary><c>--rpmmd</c>: the root of the DNF metadata cache (installer ISOs).</summary>
    public string RpmmdDirectory { get; init; } = "/rpmmd";

    /// <summary><c>--use-librepo</c>: RPMs are fetched through <c>org.osbuild.librepo</c> instead of <c>org.osbuild.curl</c>.</summary>
    public bool UseLibrepo { get; init; } = true;

    /// <summary><c>--no-default-kernel-args</c>.</summary>
    public bool OmitDefaultKernelArgs { get; init; }

    /// <summary>
    /// The secret of the store osbuild keeps its trees in, when they are kept for later builds: UUIDs and salts are
    /// then derived from it with the image and config (<see cref="ManifestFingerprint"/>) instead of fresh random ones,
    /// so that the same inputs give the same manifest for that store, and osbuild can reuse what it kept. Null: every
    /// value is cryptographically random, as upstream.
    /// </summary>
    public Randomness.StoreSecret? ReuseSecret { get; init; }
}
