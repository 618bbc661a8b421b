namespace BootcImageBuilder.Blueprint;

/// <summary>Bounds on a config's shape, so that no input makes loading slow, deep or large.</summary>
public static class ConfigLimits
{
    /// <summary>The deepest nesting of tables/objects and arrays (a blueprint needs six).</summary>
    public const int MaxDepth = 32;

    /// <summary>The most items in any one array (users, files, …), except where a tighter bound applies.</summary>
    public const int MaxArrayItems = 1024;

    /// <summary>GPT holds 128 entries; a few are taken by the partitions every image needs (BIOS boot, ESP, /boot).</summary>
    public const int MaxPartitions = 120;

    /// <summary>Logical volumes in one volume group, and subvolumes in one btrfs volume.</summary>
    public const int MaxVolumes = 128;
}
