using BootcImageBuilder.Distro;

namespace BootcImageBuilder.Images.Pipelines;

/// <summary>
/// The file each pipeline of a disk manifest writes. As upstream, they are named after the first requested type's
/// base name (<c>--type ova</c>: <c>image.raw</c>, <c>image.vmdk</c>, <c>image.ova</c>), except that every
/// requested type's own output keeps its own name when types are mixed (<c>--type ova --type qcow2</c> still
/// gives <c>qcow2/disk.qcow2</c>; upstream would write <c>qcow2/image.qcow2</c>). The GCE tarball is always
/// <c>image.tar.gz</c>.
/// </summary>
public sealed record DiskFileNames(string Raw, string Qcow2, string Vmdk, string Vhd, string Ova, string Gce)
{
    /// <summary>The names for a manifest built for <paramref name="requested"/> (disk types, in the user's order).</summary>
    public static DiskFileNames For(IReadOnlyList<ImageType> requested)
    {
        ArgumentNullException.ThrowIfNull(requested);
        if (requested.Count == 0)
        {
            throw new ArgumentException("a disk manifest needs at least one image type", nameof(requested));
        }

        var baseName = requested[0].BaseName;
        string NameOf(string export, string extension) =>
            requested.FirstOrDefault(t => t.Export == export)?.FileName ?? $"{baseName}.{extension}";

        return new DiskFileNames(
            Raw: NameOf(BootcDiskPipelines.Image, "raw"),
            Qcow2: NameOf(BootcDiskPipelines.Qcow2, "qcow2"),
            Vmdk: NameOf(BootcDiskPipelines.Vmdk, "vmdk"),
            Vhd: NameOf(BootcDiskPipelines.Vpc, "vhd"),
            Ova: NameOf(BootcDiskPipelines.Archive, "ova"),
            Gce: ImageTypes.Get("gce").FileName);
    }

    /// <summary>The names of a manifest built for the single type <paramref name="imageType"/>.</summary>
    public static DiskFileNames For(string imageType) => For([ImageTypes.Get(imageType)]);
}
