namespace BootcImageBuilder.Osbuild;

/// <summary><c>org.osbuild.xorrisofs</c>: make the ISO 9660 image from the <c>tree</c> input.</summary>
/// <param name="Boot">The BIOS El Torito image and catalog; null for UEFI-only ISOs.</param>
/// <param name="Grub2mbr">The hybrid MBR grub2 boots from a disk with; null for UEFI-only ISOs.</param>
public sealed record XorrisofsOptions(
    string Filename,
    string Volid,
    string Sysid,
    XorrisofsBoot? Boot,
    string Efi,
    int Isolevel,
    string? Grub2mbr)
    : StageOptions("org.osbuild.xorrisofs");

/// <summary>The BIOS boot image of <see cref="XorrisofsOptions"/>.</summary>
public sealed record XorrisofsBoot(string Image, string Catalog);
