namespace BootcImageBuilder.Osbuild;

/// <summary><c>org.osbuild.lvm2.create</c>: create a volume group with these logical volumes on device <c>device</c>.</summary>
public sealed record Lvm2CreateOptions(IReadOnlyList<LogicalVolume> Volumes)
    : StageOptions("org.osbuild.lvm2.create");

/// <summary>A logical volume; <paramref name="Size"/> is written as <c>&lt;bytes&gt;B</c>.</summary>
public sealed record LogicalVolume(string Name, string Size)
{
    public static LogicalVolume OfBytes(string name, long sizeInBytes) =>
        new(name, sizeInBytes.ToString(System.Globalization.CultureInfo.InvariantCulture) + "B");
}
