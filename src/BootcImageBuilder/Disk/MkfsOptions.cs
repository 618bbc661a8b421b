namespace BootcImageBuilder.Disk;

/// <summary>Extra options for the mkfs stage; <see cref="Verity"/> turns on fs-verity for an ext4 root.</summary>
public sealed record MkfsOptions(bool Verity = false, MkfsGeometry? Geometry = null)
{
    public static MkfsOptions Default { get; } = new();
}

/// <summary>A FAT geometry override (heads and sectors per track).</summary>
public sealed record MkfsGeometry(int Heads, int SectorsPerTrack);
