using System.Reflection;

namespace BootcImageBuilder.Cli;

/// <summary>The <c>version</c> text, from the git metadata the build embedded (see the Cli project file).</summary>
internal static class VersionInfo
{
    public static string Text { get; } = Render(typeof(VersionInfo).Assembly);

    public static string Render(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var metadata = assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Where(a => a.Value is not null)
            .ToDictionary(a => a.Key, a => a.Value!, StringComparer.Ordinal);
        var revision = metadata.GetValueOrDefault("vcs.revision") is { Length: >= 7 } sha ? sha[..7] : "unknown";
        var time = metadata.GetValueOrDefault("vcs.time") ?? "unknown";
        var tainted = metadata.GetValueOrDefault("vcs.modified") == "true" ? "true" : "false";
        return $"build_revision: {revision}\nbuild_time: {time}\nbuild_tainted: {tainted}\n";
    }
}
