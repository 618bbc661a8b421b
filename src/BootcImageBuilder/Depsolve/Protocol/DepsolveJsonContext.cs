using System.Text.Json.Serialization;

namespace BootcImageBuilder.Depsolve.Protocol;

/// <summary>Source-generated (NativeAOT-safe) serialization of the solver protocol.</summary>
[JsonSourceGenerationOptions(RespectNullableAnnotations = true)]
[JsonSerializable(typeof(SolverRequest))]
[JsonSerializable(typeof(SolverResponse))]
[JsonSerializable(typeof(SolverError))]
[JsonSerializable(typeof(string))]
internal sealed partial class DepsolveJsonContext : JsonSerializerContext
{
}
