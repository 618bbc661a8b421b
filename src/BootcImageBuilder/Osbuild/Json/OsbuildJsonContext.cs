using System.Text.Json.Serialization;

namespace BootcImageBuilder.Osbuild;

/// <summary>
/// Source-generated serializers for the manifest model. Property names default to camelCase (most osbuild keys
/// are one lower-case word); every other key is named explicitly on its property. Null means "absent".
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Manifest))]
[JsonSerializable(typeof(Pipeline))]
[JsonSerializable(typeof(Stage))]
internal sealed partial class OsbuildJsonContext : JsonSerializerContext;
