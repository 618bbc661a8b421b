namespace BootcImageBuilder.Distro;

/// <summary>
/// One image type: how it is made (<see cref="Kind"/>), which osbuild pipeline is exported for it, the file it
/// produces there and which blueprint options it honours.
/// </summary>
public sealed record ImageType
{
    /// <summary>The canonical <c>--type</c> name.</summary>
    public required string Name { get; init; }

    /// <summary>Other names <c>--type</c> accepts for it (<c>iso</c> for <c>anaconda-iso</c>).</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    public required ImageKind Kind { get; init; }

    /// <summary>The pipeline osbuild exports; osbuild writes it to the directory of the same name.</summary>
    public required string Export { get; init; }

    /// <summary>The file inside the export directory, e.g. <c>disk.qcow2</c>; empty when the export is a whole tree.</summary>
    public required string FileName { get; init; }

    /// <summary>Disk types only: how <see cref="FileName"/> is made from the raw disk; null for the raw disk itself.</summary>
    public DiskConversion? Conversion { get; init; }

    /// <summary>
    /// Blueprint options the type honours, as paths below <c>customizations</c> (<c>user</c>, <c>kernel.append</c>)
    /// or top-level keys.
    /// </summary>
    public required IReadOnlyList<string> SupportedOptions { get; init; }

    /// <summary>
    /// The upload target (<see cref="Upload.IUploadTarget.Provider"/>) this type's artifact feeds, or null: a build with
    /// that target uploads the artifact of this type.
    /// </summary>
    public string? Upload { get; init; }

    /// <summary>The file name up to its first dot (<c>disk</c>, <c>image</c>); upstream names a manifest's files after it.</summary>
    public string BaseName => FileName.Split('.')[0];

    /// <summary>The artifact relative to the output directory: <c>qcow2/disk.qcow2</c>, or the export directory itself.</summary>
    public string ArtifactPath => FileName.Length == 0 ? Export : $"{Export}/{FileName}";

    public bool Accepts(string name) => Name == name || Aliases.Contains(name);
}
