namespace BootcImageBuilder.Distro;

/// <summary>The validated list of requested image types, in the order the user gave them.</summary>
public sealed class ImageTypeSet
{
    private ImageTypeSet(IReadOnlyList<RequestedImageType> requested) => Requested = requested;

    public IReadOnlyList<RequestedImageType> Requested { get; }

    /// <summary>The names as given, e.g. for the manifest file name.</summary>
    public IReadOnlyList<string> Names => Requested.Select(r => r.Name).ToList();

    public IReadOnlyList<ImageType> Types => Requested.Select(r => r.Type).ToList();

    /// <summary>The kinds asked for, in order of first appearance: one manifest each.</summary>
    public IReadOnlyList<ImageKind> Kinds => Requested.Select(r => r.Type.Kind).Distinct().ToList();

    public bool BuildsIso => Requested.Any(r => r.Type.Kind.IsIso());

    /// <summary>The osbuild exports needed for all requested types, deduplicated, in order of first appearance.</summary>
    public IReadOnlyList<string> Exports => Requested.Select(r => r.Type.Export).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Whether a requested type's artifact feeds the upload target <paramref name="provider"/> (its <c>upload:</c> in the type table).</summary>
    public bool FeedsUpload(string provider) => Requested.Any(r => r.Type.Upload == provider);

    /// <summary>The manifest file name upstream saves next to the outputs, e.g. <c>manifest-qcow2-ami.json</c>.</summary>
    public string ManifestFileName => $"manifest-{string.Join('-', Names)}.json";

    /// <summary>The requested types of one kind, in their order.</summary>
    public ImageTypeSet OfKind(ImageKind kind) => new(Requested.Where(r => r.Type.Kind == kind).ToList());

    /// <summary>
    /// Validates the names; messages are upstream's, without the caller's <c>cannot detect build types</c> prefix.
    /// Unlike upstream, ISO and disk types may be mixed (one manifest each); only two kinds that would write the
    /// same artifact are refused.
    /// </summary>
    public static ImageTypeSet Parse(IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (names.Count == 0)
        {
            throw new BibException("cannot use an empty array as a build request");
        }

        var requested = new List<RequestedImageType>(names.Count);
        foreach (var name in names)
        {
            var type = ImageTypes.Find(name)
                ?? throw new BibException($"unsupported image type \"{name}\", valid types are {ImageTypes.Available}");
            requested.Add(new RequestedImageType(name, type));
        }

        if (requested.DistinctBy(r => r.Type.Kind).GroupBy(r => r.ArtifactPath).FirstOrDefault(g => g.Count() > 1) is { } clash)
        {
            throw new BibException(
                $"cannot build {string.Join(" and ", clash.Select(r => r.Name))} in one request: both write {clash.Key}");
        }

        return new ImageTypeSet(requested);
    }
}
