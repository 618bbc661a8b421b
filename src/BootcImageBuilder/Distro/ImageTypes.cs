namespace BootcImageBuilder.Distro;

/// <summary>Every image type this tool builds: the one table that names, kinds, exports and file names come from.</summary>
public static class ImageTypes
{
    private static readonly string[] DiskOptions =
        ["directories", "disk", "files", "filesystem", "group", "ignition", "kernel.append", "user", "sshd"];

    private static readonly string[] IsoOptions = ["fips", "group", "installer", "kernel.append", "user"];

    private static readonly string[] PxeOptions = ["directories", "files", "filesystem", "user", "group", "kernel.append"];

    public static IReadOnlyList<ImageType> All { get; } =
    [
        Disk("ami", "image", "disk.raw"),
        new()
        {
            Name = "anaconda-iso",
            Aliases = ["iso"],
            Kind = ImageKind.LegacyInstallerIso,
            Export = "bootiso",
            FileName = "install.iso",
            SupportedOptions = IsoOptions,
        },
        new()
        {
            Name = "bootc-installer",
            Kind = ImageKind.BootcInstallerIso,
            Export = "bootiso",
            FileName = "install.iso",
            SupportedOptions = IsoOptions,
        },
        Disk("gce", "gce", "image.tar.gz"),
        Disk("ova", "archive", "image.ova"),
        new()
        {
            Name = "pxe-tar-xz",
            Kind = ImageKind.Pxe,
            Export = "bootc-pxe-tree",
            FileName = "",
            SupportedOptions = PxeOptions,
        },
        Disk("qcow2", "qcow2", "disk.qcow2"),
        Disk("raw", "image", "disk.raw"),
        Disk("vhd", "vpc", "disk.vhd"),
        Disk("vmdk", "vmdk", "disk.vmdk"),
    ];

    /// <summary>Every accepted name, aliases included, sorted and comma-separated, as upstream lists them in its error.</summary>
    public static string Available { get; } =
        string.Join(", ", All.SelectMany(t => t.Aliases.Prepend(t.Name)).Order(StringComparer.Ordinal));

    /// <summary>The type <paramref name="name"/> names (its canonical name or an alias), or null.</summary>
    public static ImageType? Find(string name) => All.FirstOrDefault(t => t.Accepts(name));

    /// <summary>The type named <paramref name="name"/>; for names the code itself uses.</summary>
    public static ImageType Get(string name) =>
        Find(name) ?? throw new ArgumentException($"unknown image type \"{name}\"", nameof(name));

    private static ImageType Disk(string name, string export, string fileName) => new()
    {
        Name = name,
        Kind = ImageKind.Disk,
        Export = export,
        FileName = fileName,
        SupportedOptions = DiskOptions,
    };
}
