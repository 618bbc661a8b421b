using System.Text.Json;
using BootcImageBuilder.Distro;

namespace BootcImageBuilder.Blueprint;

/// <summary>
/// Which blueprint options an image type honours (<see cref="ImageType.SupportedOptions"/>). Upstream reports only the first unsupported option, as a warning;
/// this reports every one, in upstream's field order. Deliberate fix: <c>customizations.filesystem</c> is honoured by
/// the disk and PXE partitioning code, so it is supported there (upstream's list omits it and warns).
/// </summary>
public static class BlueprintSupportCheck
{
    /// <summary>
    /// One warning line per option <paramref name="blueprint"/> sets that <paramref name="imageType"/> does not support, e.g.
    /// <c>blueprint validation failed for image type "qcow2": customizations.repositories: not supported</c>.
    /// </summary>
    public static IReadOnlyList<string> Check(BlueprintConfig blueprint, string imageType)
    {
        ArgumentNullException.ThrowIfNull(blueprint);
        var supported = ImageTypes.Find(imageType)?.SupportedOptions.ToHashSet(StringComparer.Ordinal)
            ?? throw new ArgumentException($"unknown image type \"{imageType}\"", nameof(imageType));
        return UnsupportedPaths(blueprint, supported)
            .Select(path => $"blueprint validation failed for image type {GoQuote.Quote(imageType)}: {path}: not supported")
            .ToList();
    }

    private static IEnumerable<string> UnsupportedPaths(BlueprintConfig bp, HashSet<string> supported)
    {
        // name, description and version are metadata, always allowed.
        (string Key, bool IsSet)[] topLevel =
        [
            ("packages", bp.Packages.Count > 0),
            ("modules", bp.Modules.Count > 0),
            ("enabled_modules", bp.EnabledModules.Count > 0),
            ("groups", bp.Groups.Count > 0),
            ("containers", bp.Containers.Count > 0),
        ];
        foreach (var (key, isSet) in topLevel)
        {
            if (isSet)
            {
                yield return key;
            }
        }

        if (bp.Customizations is { } c)
        {
            foreach (var (key, isSet) in CustomizationsSet(c))
            {
                if (!isSet || supported.Contains(key))
                {
                    continue;
                }

                if (key == "kernel" && supported.Contains("kernel.append"))
                {
                    // Only append is listed: the kernel table is looked into, and name is what's unsupported.
                    if (!string.IsNullOrEmpty(c.Kernel!.Name))
                    {
                        yield return "customizations.kernel.name";
                    }

                    continue;
                }

                yield return $"customizations.{key}";
            }
        }

        if (!string.IsNullOrEmpty(bp.Distro))
        {
            yield return "distro";
        }

        if (!string.IsNullOrEmpty(bp.Architecture))
        {
            yield return "architecture";
        }
    }

    // "Set" as upstream's reflection sees it: a non-nil pointer, a non-empty slice or a non-empty plain string.
    private static (string Key, bool IsSet)[] CustomizationsSet(Customizations c) =>
    [
        ("hostname", c.Hostname is not null),
        ("kernel", c.Kernel is not null),
        ("sshkey", c.SshKey.Count > 0),
        ("user", c.User.Count > 0),
        ("group", c.Group.Count > 0),
        ("timezone", c.Timezone is not null),
        ("locale", c.Locale is not null),
        ("firewall", c.Firewall is not null),
        ("services", c.Services is not null),
        ("filesystem", c.Filesystem.Count > 0),
        ("disk", c.Disk is not null),
        ("installation_device", !string.IsNullOrEmpty(c.InstallationDevice)),
        ("partitioning_mode", !string.IsNullOrEmpty(c.PartitioningMode)),
        ("fdo", c.Fdo is not null),
        ("openscap", c.OpenScap is not null),
        ("ignition", c.Ignition is not null),
        ("directories", c.Directories.Count > 0),
        ("files", c.Files.Count > 0),
        ("repositories", IsNonEmptyArray(c.Repositories)),
        ("fips", c.Fips is not null),
        ("installer", c.Installer is not null),
        ("rpm", c.Rpm is not null),
        ("rhsm", c.Rhsm is not null),
        ("cacerts", c.CaCerts is not null),
        ("containers-storage", c.ContainersStorage is not null),
        ("firstboot", c.Firstboot is not null),
        ("dnf", c.Dnf is not null),
        ("iso", c.Iso is not null),
        ("sshd", c.Sshd is not null),
    ];

    private static bool IsNonEmptyArray(JsonElement? element) =>
        element is { ValueKind: JsonValueKind.Array } array && array.GetArrayLength() > 0;
}
