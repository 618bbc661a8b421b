namespace BootcImageBuilder.Disk;

/// <summary>A filesystem customization: <paramref name="Mountpoint"/> must get at least <paramref name="MinSize"/> bytes.</summary>
public sealed record FilesystemRequest(string Mountpoint, ulong MinSize);
