using BootcImageBuilder.Containers;

namespace BootcImageBuilder.Images.Pipelines.Installer;

/// <summary>
/// The lorax templates that prepare the installer tree: one run before dracut, one after, from the template package
/// the build root installs. RHEL and its derivatives (and ELN) use <c>80-rhel</c>, everything else <c>99-generic</c>.
/// </summary>
public sealed record LoraxTemplates(string PostInstall, string Cleanup, string Package)
{
    public static LoraxTemplates Rhel { get; } =
        new("80-rhel/runtime-postinstall.tmpl", "80-rhel/runtime-cleanup.tmpl", "lorax-templates-rhel");

    public static LoraxTemplates Generic { get; } =
        new("99-generic/runtime-postinstall.tmpl", "99-generic/runtime-cleanup.tmpl", "lorax-templates-generic");

    public static LoraxTemplates For(OsRelease osRelease)
    {
        ArgumentNullException.ThrowIfNull(osRelease);
        var rhelLike = osRelease.Id == "rhel" || (osRelease.IdLike?.Contains("rhel") ?? false) || osRelease.VersionId == "eln";
        return rhelLike ? Rhel : Generic;
    }
}
