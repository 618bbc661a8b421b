using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace BootcImageBuilder.Distro.Defs;

/// <summary>Reads the YAML files under <c>data/defs</c> through <see cref="DefsYamlContext"/>; keys are snake_case.</summary>
public static class DefsYaml
{
    // Distro files may be the user's (any search directory); like upstream's yaml.Unmarshal, unknown keys are ignored.
    private static readonly IDeserializer Lenient = new StaticDeserializerBuilder(new DefsYamlContext())
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .IgnoreUnmatchedProperties()
        .Build();

    // The built-in data is read strictly so a misspelt key fails the tests instead of being dropped.
    private static readonly IDeserializer Strict = new StaticDeserializerBuilder(new DefsYamlContext())
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .WithTypeConverter(new SkippedYamlSection.Converter())
        .Build();

    /// <summary>A distro file: image-type name to its definition (null for an empty entry), in file order. Empty text gives an empty map.</summary>
    /// <exception cref="YamlDotNet.Core.YamlException">The text is not YAML of that shape.</exception>
    public static Dictionary<string, ImageDefYaml?> ReadDistroFile(string text) =>
        Lenient.Deserialize<Dictionary<string, ImageDefYaml?>?>(text) ?? [];

    /// <summary>The image types of a <c>bootc-generic/imagetypes.yaml</c>; unknown keys are errors.</summary>
    /// <exception cref="YamlDotNet.Core.YamlException">The text is not YAML of that shape.</exception>
    public static ImageTypesYaml ReadImageTypes(string text) =>
        Strict.Deserialize<ImageTypesYaml?>(text) ?? new ImageTypesYaml();
}
