using BootcImageBuilder.Distro;

namespace BootcImageBuilder.Images.Pipelines;

/// <summary>
/// The file each pipeline of a disk manifest writes, by pipeline (export) name. As upstream, they are named after the
/// first requested type's base name (<c>--type ova</c>: <c>image.raw</c>, <c>image.vmdk</c>, <c>image.ova</c>),
/// except that every requested type's own output keeps its own name when types are mixed (<c>--type ova --type
/// qcow2</c> still gives <c>qcow2/disk.qcow2</c>; upstream would write <c>qcow2/image.qcow2</c>). A conversion not
/// <see cref="DiskConversion.NamedByRequest"/> (the GCE tarball) always keeps its own name.
/// </summary>
public sealed class DiskFileNames
{
    private readonly IReadOnlyDictionary<string, string> _byExport;

    private DiskFileNames(IReadOnlyDictionary<string, string> byExport) => _byExport = byExport;

    /// <summary>The raw disk the <c>image</c> pipeline writes.</summary>
    public string Raw => Of(BootcDiskPipelines.Image);

    /// <summary>The file pipeline <paramref name="export"/> writes.</summary>
    /// <exception cref="InvalidOperationException">No disk format exports <paramref name="export"/> (a problem of the built-in data).</exception>
    public string Of(string export) =>
        _byExport.TryGetValue(export, out var name) ? name : throw new InvalidOperationException($"no disk format exports {export}");

    /// <summary>The names for a manifest built for <paramref name="requested"/> (disk types, in the user's order).</summary>
    public static DiskFileNames For(IReadOnlyList<ImageType> requested)
    {
        ArgumentNullException.ThrowIfNull(requested);
        if (requested.Count == 0)
        {
            throw new ArgumentException("a disk manifest needs at least one image type", nameof(requested));
        }

        var baseName = requested[0].BaseName;
        string NameOf(ImageType format) => format.Conversion is { NamedByRequest: false }
            ? format.FileName
            : requested.FirstOrDefault(t => t.Export == format.Export)?.FileName ?? $"{baseName}{format.FileName[format.BaseName.Length..]}";

        return new DiskFileNames(ImageTypes.DiskFormats.ToDictionary(format => format.Export, NameOf, StringComparer.Ordinal));
    }

    /// <summary>The names of a manifest built for the single type <paramref name="imageType"/>.</summary>
    public static DiskFileNames For(string imageType) => For([ImageTypes.Get(imageType)]);
}
