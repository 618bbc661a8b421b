using System.Text.Json.Nodes;
using BootcImageBuilder.Blueprint;
using BootcImageBuilder.FileSystem;

namespace BootcImageBuilder.Containers;

/// <summary>
/// Answers "which root filesystem type does this image default to" from its <c>bootc/install/*.toml</c> files, merged
/// as <c>bootc install print-configuration</c> merges them, so that a manifest needs no running container. Whenever
/// the files hold anything bootc would judge on its own (no files at all, a file that is not plain TOML, a key or a
/// value outside what bootc reads), the answer is <see cref="InstallConfigAnswer.Unknown"/> and bootc is asked.
/// </summary>
public static class BootcInstallConfigFiles
{
    /// <summary>bootc's bases (systemd's order): a file in a later base replaces the same name in an earlier one.</summary>
    private static readonly string[] Bases = ["usr/lib", "usr/local/lib", "etc", "run"];

    private const string Folder = "bootc/install";

    /// <summary>The keys of bootc's <c>[install]</c> table; bootc refuses any other.</summary>
    private static readonly HashSet<string> InstallKeys =
    [
        "root-fs-type", "block", "filesystem", "kargs", "match-architectures", "ostree", "stateroot",
        "root-mount-spec", "boot-mount-spec", "bootupd", "bootloader",
    ];

    public static InstallConfigAnswer Read(string root, Arch? arch)
    {
        var tree = new ImageTree(root);
        SortedDictionary<string, string> fragments;
        try
        {
            fragments = Fragments(tree);
        }
        catch (BoundedFileException e)
        {
            return InstallConfigAnswer.Unknown($"cannot list {Folder}: {e.Message}");
        }

        if (fragments.Count == 0)
        {
            // Older bootc refuses to install without one; newer prints no root type. Only bootc knows which it is.
            return InstallConfigAnswer.Unknown($"no {Folder} configuration files");
        }

        if (arch is null)
        {
            return InstallConfigAnswer.Unknown("the image's architecture is unknown");
        }

        string? rootFsType = null;
        string? filesystemRootType = null;
        foreach (var path in fragments.Values)
        {
            InstallFragment fragment;
            try
            {
                fragment = InstallFragment.Parse(tree.ReadText(path, OsInfoReader.MaxSmallFileBytes));
            }
            catch (Exception e) when (e is BoundedFileException or ConfigException or InvalidInstallConfigException)
            {
                return InstallConfigAnswer.Unknown($"/{path}: {e.Message}");
            }

            if (fragment.AppliesTo(RustArchName(arch)))
            {
                rootFsType = fragment.RootFsType ?? rootFsType;
                filesystemRootType = fragment.FilesystemRootType ?? filesystemRootType;
            }
        }

        // bootc's canonical form, filesystem.root.type, wins over the older root-fs-type.
        return InstallConfigAnswer.Known(filesystemRootType ?? rootFsType);
    }

    private static SortedDictionary<string, string> Fragments(ImageTree tree)
    {
        var fragments = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var folder in Bases.Select(b => $"{b}/{Folder}"))
        {
            foreach (var name in tree.EntryNames(folder).Where(n => !n.StartsWith('.') && n.EndsWith(".toml", StringComparison.Ordinal)))
            {
                fragments[name] = $"{folder}/{name}";
            }
        }

        return fragments;
    }

    /// <summary>bootc compares <c>match-architectures</c> with the architecture its own binary was built for, in Rust's names.</summary>
    private static string RustArchName(Arch arch) => arch == Arch.Ppc64le ? "powerpc64" : arch.Name;

    /// <summary>One file's <c>[install]</c> table, checked against what bootc accepts.</summary>
    private sealed record InstallFragment(string? RootFsType, string? FilesystemRootType, IReadOnlyList<string>? MatchArchitectures)
    {
        public bool AppliesTo(string rustArch) => MatchArchitectures is null || MatchArchitectures.Contains(rustArch);

        public static InstallFragment Parse(string? text)
        {
            if (text is null)
            {
                throw new InvalidInstallConfigException("links to nothing");
            }

            var document = TomlTreeReader.Read(text);
            OnlyKeys(document, "", ["install"]);
            if (document["install"] is null)
            {
                return new InstallFragment(null, null, null);
            }

            var install = Table(document["install"], "install");
            OnlyKeys(install, "install.", InstallKeys);
            string? filesystemRootType = null;
            if (install["filesystem"] is { } filesystemNode)
            {
                var filesystem = Table(filesystemNode, "install.filesystem");
                OnlyKeys(filesystem, "install.filesystem.", ["root"]);
                if (filesystem["root"] is { } rootNode)
                {
                    var root = Table(rootNode, "install.filesystem.root");
                    OnlyKeys(root, "install.filesystem.root.", ["type"]);
                    filesystemRootType = FilesystemType(root["type"], "install.filesystem.root.type");
                }
            }

            _ = Strings(install["kargs"], "install.kargs");
            return new InstallFragment(
                FilesystemType(install["root-fs-type"], "install.root-fs-type"),
                filesystemRootType,
                Strings(install["match-architectures"], "install.match-architectures"));
        }

        private static void OnlyKeys(JsonObject table, string prefix, IReadOnlyCollection<string> known)
        {
            if (table.Select(p => p.Key).FirstOrDefault(k => !known.Contains(k)) is { } unknown)
            {
                throw new InvalidInstallConfigException($"unknown key {prefix}{unknown}");
            }
        }

        private static JsonObject Table(JsonNode? node, string key) =>
            node as JsonObject ?? throw new InvalidInstallConfigException($"{key} is not a table");

        /// <summary>bootc knows exactly these three; any other value makes it fail.</summary>
        private static string? FilesystemType(JsonNode? node, string key) => node switch
        {
            null => null,
            JsonValue value when value.TryGetValue<string>(out var type) && BootcInstallConfiguration.SupportedRootFsTypes.Contains(type) => type,
            _ => throw new InvalidInstallConfigException($"{key} is not one of {string.Join(", ", BootcInstallConfiguration.SupportedRootFsTypes)}"),
        };

        private static List<string>? Strings(JsonNode? node, string key)
        {
            if (node is null)
            {
                return null;
            }

            var items = new List<string>();
            foreach (var item in node as JsonArray ?? throw new InvalidInstallConfigException($"{key} is not an array of strings"))
            {
                items.Add(item is JsonValue value && value.TryGetValue<string>(out var text)
                    ? text
                    : throw new InvalidInstallConfigException($"{key} is not an array of strings"));
            }

            return items;
        }
    }

    private sealed class InvalidInstallConfigException(string message) : Exception(message);
}
