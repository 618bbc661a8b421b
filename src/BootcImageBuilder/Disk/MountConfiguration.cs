namespace BootcImageBuilder.Disk;

/// <summary>How the image learns about its filesystems: an fstab file, systemd mount units, or not at all.</summary>
public enum MountConfiguration
{
    Fstab,
    Units,
    None,
}
