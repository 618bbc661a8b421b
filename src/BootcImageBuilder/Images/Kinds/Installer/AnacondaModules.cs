using BootcImageBuilder.Blueprint;

namespace BootcImageBuilder.Images.Kinds.Installer;

/// <summary>Which Anaconda modules the installer may activate: the user's <c>enable</c> list and the defaults, minus <c>disable</c>.</summary>
public static class AnacondaModules
{
    public const string Prefix = "org.fedoraproject.Anaconda.Modules.";

    /// <summary>What bib always enables, after the user's list.</summary>
    public static IReadOnlyList<string> Defaults { get; } =
        [.. new[] { "Users", "Services", "Security", "Network", "Payloads", "Runtime", "Storage" }.Select(m => Prefix + m)];

    /// <summary>The sorted activatable modules; <c>disable</c> wins over <c>enable</c> and over the defaults.</summary>
    public static IReadOnlyList<string> Activatable(InstallerCustomization? installer, bool fips)
    {
        var enable = (installer?.Modules?.Enable ?? []).Concat(Defaults);
        if (fips)
        {
            enable = enable.Append(Prefix + "Security");
        }

        var disabled = new HashSet<string>(installer?.Modules?.Disable ?? [], StringComparer.Ordinal);
        return [.. enable.Where(m => !disabled.Contains(m)).Distinct().Order(StringComparer.Ordinal)];
    }
}
