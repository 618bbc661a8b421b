namespace BootcImageBuilder.Blueprint;

/// <summary>Image types that accept the same blueprint options (images' <c>bootc-generic/imagetypes.yaml</c> lists).</summary>
public enum ImageFamily
{
    /// <summary>raw, ami, qcow2, vmdk, vhd, gce, ova.</summary>
    Disk,

    /// <summary>bootc-installer, anaconda-iso, iso.</summary>
    Iso,

    /// <summary>pxe-tar-xz.</summary>
    Pxe,
}
