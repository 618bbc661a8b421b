namespace BootcImageBuilder.Distro.Defs;

/// <summary>
/// The data/defs files built into the core assembly (core data a user cannot override, as osbuild/images embeds its
/// distro definitions), read once on first use.
/// </summary>
public static class EmbeddedDefs
{
    /// <summary>The resource name of <c>data/defs/bootc-generic/imagetypes.yaml</c>.</summary>
    public const string BootcGenericImageTypesResource = "defs/bootc-generic/imagetypes.yaml";

    private static readonly Lazy<ImageTypesYaml> BootcGeneric = new(() => DefsYaml.ReadImageTypes(ReadText(BootcGenericImageTypesResource)));

    /// <summary>The bootc image-type definitions.</summary>
    public static ImageTypesYaml BootcGenericImageTypes => BootcGeneric.Value;

    /// <summary>The text of the embedded resource <paramref name="resourceName"/>.</summary>
    /// <exception cref="InvalidOperationException">The assembly has no such resource (a build problem, not a user error).</exception>
    public static string ReadText(string resourceName)
    {
        using var stream = typeof(EmbeddedDefs).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"the core assembly has no embedded resource {resourceName}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
