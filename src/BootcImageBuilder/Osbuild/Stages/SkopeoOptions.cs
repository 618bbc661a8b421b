using System.Text.Json.Serialization;

namespace BootcImageBuilder.Osbuild;

/// <summary><c>org.osbuild.skopeo</c>: copy the <c>images</c> input into the tree.</summary>
public sealed record SkopeoOptions(
    SkopeoDestination Destination,
    [property: JsonPropertyName("remove-signatures")] bool? RemoveSignatures = null)
    : StageOptions("org.osbuild.skopeo");

/// <summary>Where <see cref="SkopeoOptions"/> copies to: <c>oci</c> with a directory <paramref name="Path"/>.</summary>
public sealed record SkopeoDestination(string Type, string? Path = null);
