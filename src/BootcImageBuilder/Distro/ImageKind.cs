namespace BootcImageBuilder.Distro;

/// <summary>How an image type is made: each kind has its own manifest generator, and one manifest serves every
/// requested type of the same kind.</summary>
public enum ImageKind
{
    /// <summary>raw, ami, qcow2, vmdk, vhd, gce, ova: one disk manifest holds every format pipeline.</summary>
    Disk,

    /// <summary>anaconda-iso (iso): the installer ISO assembled from RPMs depsolved against the container's repositories.</summary>
    LegacyInstallerIso,

    /// <summary>bootc-installer: the installer ISO made from an installer container.</summary>
    BootcInstallerIso,

    /// <summary>pxe-tar-xz: the kernel, initrd and root filesystem for network boot.</summary>
    Pxe,
}

public static class ImageKinds
{
    public static bool IsIso(this ImageKind kind) => kind is ImageKind.LegacyInstallerIso or ImageKind.BootcInstallerIso;
}
