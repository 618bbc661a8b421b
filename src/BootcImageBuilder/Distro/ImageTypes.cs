using BootcImageBuilder.Distro.Defs;

namespace BootcImageBuilder.Distro;

/// <summary>
/// Every image type this tool builds: the one table that names, kinds, exports, file names, disk conversions and supported options come
/// from, read from the <c>image_types</c> of the embedded <c>data/defs/bootc-generic/imagetypes.yaml</c>.
/// </summary>
public static class ImageTypes
{
    private static readonly Lazy<IReadOnlyList<ImageType>> Table = new(() =>
        EmbeddedDefs.BootcGenericImageTypes.ImageTypes.Select(entry => FromYaml(entry.Key, entry.Value)).ToList());

    /// <summary>The type built when none is asked for, as upstream's <c>--type</c> default.</summary>
    public const string DefaultName = "qcow2";

    public static IReadOnlyList<ImageType> All => Table.Value;

    /// <summary>
    /// The disk formats: the first disk type of each export, in table order, which is the order of their pipelines in
    /// a disk manifest.
    /// </summary>
    public static IReadOnlyList<ImageType> DiskFormats => All.Where(t => t.Kind == ImageKind.Disk).DistinctBy(t => t.Export).ToList();

    /// <summary>Every accepted name, aliases included, sorted and comma-separated, as upstream lists them in its error.</summary>
    public static string Available => string.Join(", ", All.SelectMany(t => t.Aliases.Prepend(t.Name)).Order(StringComparer.Ordinal));

    /// <summary>The type <paramref name="name"/> names (its canonical name or an alias), or null.</summary>
    public static ImageType? Find(string name) => All.FirstOrDefault(t => t.Accepts(name));

    /// <summary>The type named <paramref name="name"/>; for names the code itself uses.</summary>
    public static ImageType Get(string name) =>
        Find(name) ?? throw new ArgumentException($"unknown image type \"{name}\"", nameof(name));

    private static ImageType FromYaml(string name, ImageTypeYaml yaml) => new()
    {
        Name = name,
        Aliases = yaml.Aliases,
        Kind = KindOf(name, yaml.Kind),
        Export = yaml.Export,
        FileName = yaml.Filename,
        Conversion = DiskConversion.FromYaml(name, yaml.Conversion),
        SupportedOptions = yaml.SupportedBlueprintOptions,
        Upload = yaml.Upload.Length == 0 ? null : yaml.Upload,
    };

    private static ImageKind KindOf(string type, string kind) => kind switch
    {
        "disk" => ImageKind.Disk,
        "legacy-installer-iso" => ImageKind.LegacyInstallerIso,
        "bootc-installer-iso" => ImageKind.BootcInstallerIso,
        "pxe" => ImageKind.Pxe,
        _ => throw new InvalidOperationException($"image type {type} has an unknown kind \"{kind}\" in imagetypes.yaml"),
    };
}
