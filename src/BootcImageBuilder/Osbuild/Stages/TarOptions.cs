using System.Text.Json.Serialization;

namespace BootcImageBuilder.Osbuild;

/// <summary><c>org.osbuild.tar</c>: archive the input tree <c>tree</c> into <paramref name="Filename"/>.</summary>
public sealed record TarOptions(
    string Filename,
    string? Format = null,
    string? Compression = null,
    bool? Acls = null,
    bool? Selinux = null,
    bool? Xattrs = null,
    [property: JsonPropertyName("root-node")] string? RootNode = null,
    IReadOnlyList<string>? Paths = null,
    string? Transform = null,
    [property: JsonPropertyName("numeric-owner")] bool? NumericOwner = null)
    : StageOptions("org.osbuild.tar");
