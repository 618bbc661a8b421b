using BootcImageBuilder.FileSystem;
using Serilog;

namespace BootcImageBuilder.Containers;

/// <summary>
/// Reads <see cref="OsInfo"/> from a bootc image's root tree (a mounted container), as upstream's <c>osinfo.Load</c>.
/// Every path is looked up through <see cref="ImageTree"/>: links stay inside the image, and only regular files of
/// bounded size are read.
/// </summary>
public static class OsInfoReader
{
    /// <summary>The folders holding bib's configuration inside an image, first match wins.</summary>
    public static IReadOnlyList<string> ConfigFolders { get; } = ["usr/lib/image-builder/bootc", "usr/lib/bootc-image-builder"];

    /// <summary>Embedded blueprints are read from the old folder only, JSON first.</summary>
    public static IReadOnlyList<string> EmbeddedConfigPaths { get; } =
        ["usr/lib/bootc-image-builder/config.json", "usr/lib/bootc-image-builder/config.toml"];

    private static readonly string[] OsReleaseLocations = ["etc/os-release", "usr/lib/os-release"];
    private static readonly string[] UefiVendorGlobs = ["usr/lib/bootupd/updates/EFI", "usr/lib/efi/shim/*/EFI"];

    /// <summary>The largest os-release or SELinux config read (they are a few hundred bytes).</summary>
    public const int MaxSmallFileBytes = 64 * 1024;

    /// <summary>The largest embedded config, disk.yaml or iso.yaml read.</summary>
    public const int MaxDefinitionBytes = Blueprint.BlueprintLoader.MaxConfigBytes;

    /// <summary>
    /// Reads the tree at <paramref name="root"/>. os-release is required; the UEFI vendor, SELinux policy and
    /// kernel are best effort (null when absent). Initrd modules are not read here: they need a running container.
    /// </summary>
    public static OsInfo Load(string root)
    {
        var tree = new ImageTree(root);
        var osRelease = OsReleaseParser.ToOsRelease(OsReleaseParser.ParseFields(ReadOsReleaseText(tree)));

        var uefiVendor = FindUefiVendor(root);
        if (uefiVendor is null)
        {
            Log.Debug("cannot read UEFI vendor: cannot find UEFI vendor in {SearchPath}, setting it to none", UefiVendorGlobs);
        }

        var embeddedConfig = FirstExisting(tree, EmbeddedConfigPaths, "cannot load config from");
        var diskYaml = FirstExisting(tree, [.. ConfigFolders.Select(f => f + "/disk.yaml")], "cannot load disk definitions from");
        var isoYaml = FirstExisting(tree, [.. ConfigFolders.Select(f => f + "/iso.yaml")], "cannot load iso definitions from");

        var kernel = FindKernel(root);
        if (kernel is null)
        {
            Log.Debug("cannot read kernel info: no valid kernel modules directory");
        }

        return new OsInfo
        {
            OsRelease = osRelease,
            UefiVendor = uefiVendor,
            SelinuxPolicy = ReadSelinuxPolicy(root),
            Kernel = kernel,
            EmbeddedConfig = embeddedConfig,
            DiskYaml = diskYaml,
            IsoYaml = isoYaml,
        };
    }

    private static string ReadOsReleaseText(ImageTree tree)
    {
        var errors = new List<string>();
        foreach (var location in OsReleaseLocations)
        {
            var path = Path.Join(tree.Root, location);
            try
            {
                if (tree.ReadText(location, MaxSmallFileBytes) is { } text)
                {
                    return text;
                }

                errors.Add($"cannot read {location}: open {path}: no such file or directory");
            }
            catch (BoundedFileException e)
            {
                errors.Add($"cannot read {location}: open {path}: {e.Message}");
            }
        }

        throw new BibException($"failed to read os-release:\n{string.Join('\n', errors)}");
    }

    /// <summary>The first directory not named <c>BOOT</c> under the bootupd updates, else under shim's EFI folders.</summary>
    internal static string? FindUefiVendor(string root)
    {
        var tree = new ImageTree(root);
        try
        {
            foreach (var pattern in UefiVendorGlobs)
            {
                foreach (var efiDir in ExpandStars(tree, pattern))
                {
                    foreach (var name in tree.EntryNames(efiDir))
                    {
                        if (name != "BOOT" && tree.KindOf(efiDir + "/" + name) == FileKind.Directory)
                        {
                            return name;
                        }
                    }
                }
            }
        }
        catch (IOException e)
        {
            Log.Debug("cannot read UEFI vendor: {Error}", e.Message);
        }

        return null;
    }

    /// <summary><c>SELINUXTYPE</c> from <c>etc/selinux/config</c>; null when the file is absent, unreadable or malformed, or the key is empty.</summary>
    internal static string? ReadSelinuxPolicy(string root)
    {
        string? text;
        try
        {
            text = new ImageTree(root).ReadText("etc/selinux/config", MaxSmallFileBytes);
        }
        catch (BoundedFileException e)
        {
            Log.Debug("cannot read selinux policy: {Error}, setting it to none", e.Message);
            return null;
        }

        if (text is null)
        {
            Log.Debug("cannot read selinux policy: no etc/selinux/config, setting it to none");
            return null;
        }

        if (KeyValueLines.TryParse(text) is not { } fields)
        {
            Log.Debug("cannot read selinux policy: selinux config: invalid input, setting it to none");
            return null;
        }

        var policy = fields.GetValueOrDefault("SELINUXTYPE");
        return EmptyValues.NullIfEmpty(policy);
    }

    /// <summary>
    /// The first directory under <c>usr/lib/modules</c> (by name) that holds a regular <c>vmlinuz</c>. The version
    /// names a path and a <c>lsinitrd --kver</c> argument, so a name that is not a plain file name is skipped.
    /// </summary>
    internal static KernelInfo? FindKernel(string root)
    {
        var tree = new ImageTree(root);
        try
        {
            foreach (var version in tree.EntryNames("usr/lib/modules"))
            {
                var kernelDir = "usr/lib/modules/" + version;
                var isRealDirectory = FileStatus.OfLink(Path.Join(tree.Root, kernelDir)).Kind == FileKind.Directory;
                if (isRealDirectory && IsPlainName(version) && tree.KindOf(kernelDir + "/vmlinuz") == FileKind.Regular)
                {
                    return new KernelInfo(version, HasAbootImg: tree.KindOf(kernelDir + "/aboot.img") == FileKind.Regular);
                }
            }
        }
        catch (IOException e)
        {
            Log.Debug("cannot read kernel info: {Error}", e.Message);
        }

        return null;
    }

    private static bool IsPlainName(string name) =>
        name.Length is > 0 and <= 255 && name[0] != '-' && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '+' or '-' or '~');

    private static EmbeddedFile? FirstExisting(ImageTree tree, IReadOnlyList<string> candidates, string failure)
    {
        foreach (var candidate in candidates)
        {
            try
            {
                if (tree.ReadText(candidate, MaxDefinitionBytes) is { } text)
                {
                    return new EmbeddedFile("/" + candidate, text);
                }
            }
            catch (BoundedFileException e)
            {
                throw new BibException($"{failure} \"/{candidate}\": {e.Message}", e);
            }
        }

        return null;
    }

    /// <summary>Expands the <c>*</c> segments of <paramref name="pattern"/> in sorted order, as Go's <c>filepath.Glob</c>; directories only.</summary>
    private static List<string> ExpandStars(ImageTree tree, string pattern)
    {
        IEnumerable<string> current = [""];
        foreach (var segment in pattern.Split('/'))
        {
            current = segment == "*"
                ? current.SelectMany(dir => tree.EntryNames(dir).Select(name => Join(dir, name)))
                : current.Select(dir => Join(dir, segment));
            current = current.Where(dir => tree.KindOf(dir) == FileKind.Directory).ToList();
        }

        return current.ToList();
    }

    private static string Join(string directory, string name) => directory.Length == 0 ? name : directory + "/" + name;
}
