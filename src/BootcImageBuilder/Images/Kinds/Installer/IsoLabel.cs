using BootcImageBuilder.Containers;

namespace BootcImageBuilder.Images.Kinds.Installer;

/// <summary>The ISO volume label upstream derives from os-release, which the boot menus find the install media by.</summary>
public static class IsoLabel
{
    /// <summary><c>Fedora-S-dvd-&lt;arch&gt;-&lt;ver&gt;</c>, <c>CentOS-Stream-&lt;ver&gt;-BaseOS-&lt;arch&gt;</c>, <c>RHEL-&lt;maj&gt;-&lt;min&gt;-BaseOS-&lt;arch&gt;</c> or <c>Container-Installer-&lt;arch&gt;</c>.</summary>
    public static string For(OsRelease osRelease, Arch arch)
    {
        ArgumentNullException.ThrowIfNull(osRelease);
        ArgumentNullException.ThrowIfNull(arch);
        return osRelease.Id switch
        {
            "fedora" => $"Fedora-S-dvd-{arch.Name}-{osRelease.VersionId}",
            "centos" when osRelease.VersionId == "8" => $"CentOS-Stream-{osRelease.VersionId}-{arch.Name}-dvd",
            "centos" => $"CentOS-Stream-{osRelease.VersionId}-BaseOS-{arch.Name}",
            "rhel" => $"RHEL-{osRelease.VersionId.Replace('.', '-')}-BaseOS-{arch.Name}",
            _ => $"Container-Installer-{arch.Name}",
        };
    }
}
