namespace BootcImageBuilder.Osbuild;

/// <summary>A stage device: a loopback over the image file, or an LVM/LUKS device on top of <paramref name="Parent"/>.</summary>
public sealed record Device(string Type, string? Parent, DeviceOptions? Options)
{
    public static Device Loopback(LoopbackDeviceOptions options) => new("org.osbuild.loopback", null, options);

    public static Device Lvm2Lv(string parent, Lvm2LvDeviceOptions options) => new("org.osbuild.lvm2.lv", parent, options);

    public static Device Luks2(string parent, Luks2DeviceOptions options) => new("org.osbuild.luks2", parent, options);
}
