using BootcImageBuilder.Disk;
using BootcImageBuilder.Distro;

namespace BootcImageBuilder.Cli.Settings;

/// <summary>Everything <c>manifest</c> (and the manifest step of <c>build</c>) needs, parsed into typed values once.</summary>
internal sealed record ManifestSettings
{
    public required string ImageRef { get; init; }

    public required ImageTypeSet Types { get; init; }

    public FilesystemType? RootFs { get; init; }

    public Arch? TargetArch { get; init; }

    public string? BuildContainer { get; init; }

    public string? InstallerPayloadRef { get; init; }

    public required string RpmmdDirectory { get; init; }

    public bool UseLibrepo { get; init; }

    public bool NoDefaultKernelArgs { get; init; }

    public bool InVm { get; init; }

    public string? ConfigPath { get; init; }

    /// <summary>The deprecated <c>--local</c> value, or null when the flag was not given.</summary>
    public bool? Local { get; init; }
}
