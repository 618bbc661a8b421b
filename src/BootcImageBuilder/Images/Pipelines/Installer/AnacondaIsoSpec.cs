using BootcImageBuilder.Osbuild;

namespace BootcImageBuilder.Images.Pipelines.Installer;

/// <summary>Everything the installer ISO pipelines are made from; the kinds compute it, <see cref="AnacondaIsoPipelines"/> turns it into pipelines.</summary>
public sealed record AnacondaIsoSpec
{
    public required Arch Arch { get; init; }

    /// <summary>os-release <c>NAME</c> and <c>VERSION_ID</c>.</summary>
    public required IsoProduct Product { get; init; }

    /// <summary>The EFI vendor directory (<c>fedora</c>, <c>centos</c>, <c>redhat</c>); null when the container has none.</summary>
    public string? UefiVendor { get; init; }

    /// <summary>The ISO volume label.</summary>
    public required string Label { get; init; }

    /// <summary>Extra kernel options after <c>inst.stage2</c>/<c>inst.ks</c>.</summary>
    public IReadOnlyList<string> ExtraKernelOptions { get; init; } = [];

    public required IReadOnlyList<string> ActivatableModules { get; init; }

    public required LoraxTemplates Lorax { get; init; }

    /// <summary>The build root pipeline (named <c>build</c>).</summary>
    public required Pipeline Build { get; init; }

    public required InstallerTree Tree { get; init; }

    /// <summary>The container the ISO installs: its image id (<c>sha256:…</c>) and local name.</summary>
    public required string PayloadImageId { get; init; }

    public required string PayloadName { get; init; }

    public required InstallerKickstart Kickstart { get; init; }

    /// <summary>The root filesystem type of the installed system (<c>autopart</c>); empty means ext4.</summary>
    public string InstallRootfsType { get; init; } = string.Empty;
}
