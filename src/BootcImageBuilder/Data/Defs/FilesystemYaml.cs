namespace BootcImageBuilder.Data.Defs;

/// <summary>A filesystem payload. Without <see cref="Type"/> it takes the root filesystem type when loaded.</summary>
public sealed class FilesystemYaml
{
    public string? Type { get; set; }

    public string? Label { get; set; }

    public string? Mountpoint { get; set; }

    public string? FstabOptions { get; set; }

    public ulong FstabFreq { get; set; }

    public ulong FstabPassno { get; set; }
}
