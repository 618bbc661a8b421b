using System.Text.Json.Serialization;

namespace BootcImageBuilder.Blueprint;

/// <summary>Source-generated (NativeAOT-safe) JSON metadata for the blueprint model.</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(BlueprintConfig))]
public sealed partial class BlueprintJsonContext : JsonSerializerContext
{
}
