using BootcImageBuilder.Distro;

namespace BootcImageBuilder.Cli.Settings;

/// <summary>Everything <c>manifest</c> (and the manifest step of <c>build</c>) needs, validated.</summary>
internal sealed record ManifestSettings
{
    public required string ImageRef { get; init; }

    public required IReadOnlyList<string> TypeNames { get; init; }

    public string? RootFs { get; init; }

    public string? TargetArch { get; init; }

    public string? BuildContainer { get; init; }

    public string? InstallerPayloadRef { get; init; }

    public required string RpmmdDirectory { get; init; }

    public bool UseLibrepo { get; init; }

    public bool NoDefaultKernelArgs { get; init; }

    public bool InVm { get; init; }

    public string? ConfigPath { get; init; }

    /// <summary>The deprecated <c>--local</c> value, or null when the flag was not given.</summary>
    public bool? Local { get; init; }

    /// <summary>Upstream's message prefix: <c>cannot detect build types [a b]: …</c>.</summary>
    public ImageTypeSet ParseTypes()
    {
        try
        {
            return ImageTypeSet.Parse(TypeNames);
        }
        catch (BibException e)
        {
            throw BibException.Wrap($"cannot detect build types [{string.Join(' ', TypeNames)}]", e);
        }
    }
}
