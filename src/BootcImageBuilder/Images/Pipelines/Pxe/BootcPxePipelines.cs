namespace BootcImageBuilder.Images.Pipelines.Pxe;

/// <summary>The pipeline names of a bootc PXE manifest (after <c>[target,] build, image</c>), in the order they appear.</summary>
public static class BootcPxePipelines
{
    /// <summary>The directory with EFI/, vmlinuz, initrd.img, rootfs.img, grub.cfg and README; what bib exports.</summary>
    public const string Tree = "bootc-pxe-tree";

    /// <summary>That directory as <c>image.tar</c>.</summary>
    public const string Tar = "tar";

    /// <summary>The tar compressed to <c>pxe.tar.xz</c>; upstream's image type exports this one, bib does not.</summary>
    public const string Xz = "xz";
}
