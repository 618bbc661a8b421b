using Serilog;

namespace BootcImageBuilder.Containers;

/// <summary>Reads <see cref="OsInfo"/> from a bootc image's root tree (a mounted container), as upstream's <c>osinfo.Load</c>.</summary>
public static class OsInfoReader
{
    /// <summary>The folders holding bib's configuration inside an image, first match wins.</summary>
    public static IReadOnlyList<string> ConfigFolders { get; } = ["usr/lib/image-builder/bootc", "usr/lib/bootc-image-builder"];

    /// <summary>Embedded blueprints are read from the old folder only, JSON first.</summary>
    public static IReadOnlyList<string> EmbeddedConfigPaths { get; } =
        ["usr/lib/bootc-image-builder/config.json", "usr/lib/bootc-image-builder/config.toml"];

    private static readonly string[] OsReleaseLocations = ["etc/os-release", "usr/lib/os-release"];
    private static readonly string[] UefiVendorGlobs = ["usr/lib/bootupd/updates/EFI", "usr/lib/efi/shim/*/EFI"];

    /// <summary>
    /// Reads the tree at <paramref name="root"/>. os-release is required; the UEFI vendor, SELinux policy and
    /// kernel are best effort (null when absent). Initrd modules are not read here: they need a running container.
    /// </summary>
    public static OsInfo Load(string root)
    {
        var osRelease = OsReleaseParser.ToOsRelease(OsReleaseParser.ParseFields(ReadOsReleaseText(root)));

        var uefiVendor = FindUefiVendor(root);
        if (uefiVendor is null)
        {
            Log.Debug("cannot read UEFI vendor: cannot find UEFI vendor in {SearchPath}, setting it to none", UefiVendorGlobs);
        }

        var embeddedConfig = FirstExisting(root, EmbeddedConfigPaths, "cannot load config from");
        var diskYaml = FirstExisting(root, [.. ConfigFolders.Select(f => f + "/disk.yaml")], "cannot load disk definitions from");
        var isoYaml = FirstExisting(root, [.. ConfigFolders.Select(f => f + "/iso.yaml")], "cannot load iso definitions from");

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

    private static string ReadOsReleaseText(string root)
    {
        var errors = new List<string>();
        foreach (var location in OsReleaseLocations)
        {
            var path = Path.Join(root, location);
            try
            {
                return File.ReadAllText(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                errors.Add($"cannot read {location}: {DescribeOpenFailure(path, e)}");
            }
        }

        throw new BibException($"failed to read os-release:\n{string.Join('\n', errors)}");
    }

    /// <summary>The first directory not named <c>BOOT</c> under the bootupd updates, else under shim's EFI folders.</summary>
    internal static string? FindUefiVendor(string root)
    {
        foreach (var pattern in UefiVendorGlobs)
        {
            foreach (var efiDir in ExpandStars(root, pattern))
            {
                foreach (var entry in SortedEntries(efiDir))
                {
                    if (Directory.Exists(entry) && Path.GetFileName(entry) != "BOOT")
                    {
                        return Path.GetFileName(entry);
                    }
                }
            }
        }

        return null;
    }

    /// <summary><c>SELINUXTYPE</c> from <c>etc/selinux/config</c>; null when the file is absent or malformed, or the key is empty.</summary>
    internal static string? ReadSelinuxPolicy(string root)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(Path.Join(root, "etc/selinux/config"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log.Debug("cannot read selinux policy: {Error}, setting it to none", e.Message);
            return null;
        }

        string? policy = null;
        foreach (var rawLine in lines)
        {
            var line = rawLine.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                Log.Debug("cannot read selinux policy: selinux config: invalid input, setting it to none");
                return null;
            }

            if (line[..equals].Trim() == "SELINUXTYPE")
            {
                policy = line[(equals + 1)..].Trim();
            }
        }

        return string.IsNullOrEmpty(policy) ? null : policy;
    }

    /// <summary>The first directory under <c>usr/lib/modules</c> (by name) that holds a <c>vmlinuz</c>.</summary>
    internal static KernelInfo? FindKernel(string root)
    {
        foreach (var kernelDir in SortedEntries(Path.Join(root, "usr/lib/modules")))
        {
            var isRealDirectory = (File.GetAttributes(kernelDir) & (FileAttributes.Directory | FileAttributes.ReparsePoint))
                == FileAttributes.Directory;
            if (isRealDirectory && File.Exists(Path.Join(kernelDir, "vmlinuz")))
            {
                return new KernelInfo(Path.GetFileName(kernelDir), HasAbootImg: File.Exists(Path.Join(kernelDir, "aboot.img")));
            }
        }

        return null;
    }

    private static EmbeddedFile? FirstExisting(string root, IReadOnlyList<string> candidates, string failure)
    {
        foreach (var candidate in candidates)
        {
            var path = Path.Join(root, candidate);
            if (!File.Exists(path))
            {
                continue;
            }

            try
            {
                return new EmbeddedFile("/" + candidate, File.ReadAllText(path));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new BibException($"{failure} \"{path}\": {e.Message}", e);
            }
        }

        return null;
    }

    /// <summary>Expands the <c>*</c> segments of <paramref name="pattern"/> in sorted order, as Go's <c>filepath.Glob</c>.</summary>
    private static List<string> ExpandStars(string root, string pattern)
    {
        IEnumerable<string> current = [root];
        foreach (var segment in pattern.Split('/'))
        {
            current = segment == "*"
                ? current.SelectMany(SortedEntries).Where(Directory.Exists)
                : current.Select(dir => Path.Join(dir, segment)).Where(Directory.Exists);
        }

        return current.ToList();
    }

    private static IEnumerable<string> SortedEntries(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return [];
        }

        var entries = Directory.GetFileSystemEntries(directory);
        Array.Sort(entries, StringComparer.Ordinal);
        return entries;
    }

    private static string DescribeOpenFailure(string path, Exception e) =>
        e is FileNotFoundException or DirectoryNotFoundException
            ? $"open {path}: no such file or directory"
            : $"open {path}: {e.Message}";
}
