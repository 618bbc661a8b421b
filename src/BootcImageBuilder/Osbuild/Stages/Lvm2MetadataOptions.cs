using System.Text.Json.Serialization;

namespace BootcImageBuilder.Osbuild;

/// <summary><c>org.osbuild.lvm2.metadata</c>: rewrite volume group metadata (name, creation host/time).</summary>
/// <remarks>Upstream writes <c>vg_name</c> last; the property order keeps that.</remarks>
public sealed record Lvm2MetadataOptions(
    [property: JsonPropertyName("vg_name"), JsonPropertyOrder(1)] string VgName,
    [property: JsonPropertyName("creation_host")] string? CreationHost = null,
    [property: JsonPropertyName("creation_time")] string? CreationTime = null,
    string? Description = null)
    : StageOptions("org.osbuild.lvm2.metadata");
