namespace BootcImageBuilder.Distro;

/// <summary>The validated list of requested image types, in the order the user gave them.</summary>
public sealed class ImageTypeSet
{
    private static readonly Dictionary<string, ImageType> Known = new ImageType[]
    {
        new("ami", "image", "disk.raw", IsIso: false, IsLegacyIso: false),
        new("anaconda-iso", "bootiso", "install.iso", IsIso: true, IsLegacyIso: true),
        new("bootc-installer", "bootiso", "install.iso", IsIso: true, IsLegacyIso: false),
        new("gce", "gce", "image.tar.gz", IsIso: false, IsLegacyIso: false),
        new("iso", "bootiso", "install.iso", IsIso: true, IsLegacyIso: true),
        new("ova", "archive", "image.ova", IsIso: false, IsLegacyIso: false),
        new("pxe-tar-xz", "bootc-pxe-tree", "", IsIso: false, IsLegacyIso: false),
        new("qcow2", "qcow2", "disk.qcow2", IsIso: false, IsLegacyIso: false),
        new("raw", "image", "disk.raw", IsIso: false, IsLegacyIso: false),
        new("vhd", "vpc", "disk.vhd", IsIso: false, IsLegacyIso: false),
        new("vmdk", "vmdk", "disk.vmdk", IsIso: false, IsLegacyIso: false),
    }.ToDictionary(t => t.Name, StringComparer.Ordinal);

    private ImageTypeSet(IReadOnlyList<ImageType> types) => Types = types;

    /// <summary>Every valid type name, sorted, comma-separated, as upstream lists them in its error.</summary>
    public static string Available { get; } = string.Join(", ", Known.Keys.Order(StringComparer.Ordinal));

    public IReadOnlyList<ImageType> Types { get; }

    public IReadOnlyList<string> Names => Types.Select(t => t.Name).ToList();

    public bool BuildsIso => Types[0].IsIso;

    public bool IsLegacyIso => Types.Any(t => t.IsLegacyIso);

    /// <summary>The osbuild exports needed for all requested types, deduplicated, in order of first appearance.</summary>
    public IReadOnlyList<string> Exports => Types.Select(t => t.Export).Distinct(StringComparer.Ordinal).ToList();

    public static ImageType? Find(string name) => Known.GetValueOrDefault(name);

    /// <summary>Validates the names; messages are upstream's, without the caller's <c>cannot detect build types</c> prefix.</summary>
    public static ImageTypeSet Parse(IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (names.Count == 0)
        {
            throw new BibException("cannot use an empty array as a build request");
        }

        var types = new List<ImageType>(names.Count);
        foreach (var name in names)
        {
            types.Add(Find(name) ?? throw new BibException($"unsupported image type \"{name}\", valid types are {Available}"));
        }

        if (types.Any(t => t.IsIso) && types.Any(t => !t.IsIso))
        {
            throw new BibException($"cannot mix ISO/disk images in request [{string.Join(' ', names)}]");
        }

        return new ImageTypeSet(types);
    }
}
