namespace BootcImageBuilder.Images;

/// <summary>
/// Where one disk image type ends up: the pipeline osbuild exports and the file inside that export's directory.
/// Every output is named after its own type, whatever other types are built with it (upstream names all files
/// after the first requested type's base name; this reimplementation deliberately does not).
/// </summary>
public sealed record DiskImageOutput(string ImageType, string Export, string FileName)
{
    /// <summary>The artifact's path relative to the output directory, e.g. <c>qcow2/disk.qcow2</c>.</summary>
    public string RelativePath => Export + "/" + FileName;

    public const string RawFileName = "disk.raw";
    public const string Qcow2FileName = "disk.qcow2";
    public const string VmdkFileName = "disk.vmdk";
    public const string VhdFileName = "disk.vhd";
    public const string GceFileName = "image.tar.gz";
    public const string OvaFileName = "image.ova";

    /// <summary>The disk image types this generator builds, in upstream's listing order.</summary>
    public static IReadOnlyList<string> DiskImageTypes { get; } = ["ami", "gce", "ova", "qcow2", "raw", "vhd", "vmdk"];

    /// <summary>The output of <paramref name="imageType"/> (<c>vsphere-ova</c> is accepted as upstream's alias of <c>ova</c>).</summary>
    public static DiskImageOutput For(string imageType) => imageType switch
    {
        "raw" or "ami" => new(imageType, BootcDiskPipelines.Image, RawFileName),
        "qcow2" => new(imageType, BootcDiskPipelines.Qcow2, Qcow2FileName),
        "vmdk" => new(imageType, BootcDiskPipelines.Vmdk, VmdkFileName),
        "vhd" => new(imageType, BootcDiskPipelines.Vpc, VhdFileName),
        "gce" => new(imageType, BootcDiskPipelines.Gce, GceFileName),
        "ova" or "vsphere-ova" => new(imageType, BootcDiskPipelines.Archive, OvaFileName),
        _ => throw new BibException($"unsupported disk image type \"{imageType}\""),
    };

    /// <summary>The artifact path of <paramref name="imageType"/> relative to the output directory.</summary>
    public static string RelativePathOf(string imageType) => For(imageType).RelativePath;
}
