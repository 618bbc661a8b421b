namespace BootcImageBuilder.Disk;

/// <summary>Which firmware the image boots with; decides the boot partitions of a custom disk layout.</summary>
public enum BootMode
{
    None,
    Legacy,
    Uefi,
    Hybrid,
}
