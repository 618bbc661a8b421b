using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace BootcImageBuilder.Osbuild;

/// <summary><c>org.osbuild.selinux</c>: label files from a policy's file contexts and/or explicit labels.</summary>
/// <remarks>Upstream writes <c>target</c> before <c>file_contexts</c>; the property order keeps that.</remarks>
public sealed record SelinuxOptions(
    [property: JsonPropertyName("file_contexts")] string FileContexts,
    [property: JsonPropertyOrder(-1)] string? Target = null,
    [property: JsonPropertyName("exclude_paths")] IReadOnlyList<string>? ExcludePaths = null,
    ImmutableSortedDictionary<string, string>? Labels = null,
    [property: JsonPropertyName("force_autorelabel")] bool? ForceAutorelabel = null)
    : StageOptions("org.osbuild.selinux");
