using System.Text.Json.Serialization;

namespace BootcImageBuilder.Osbuild;

/// <summary><c>org.osbuild.squashfs</c>: pack the <c>tree</c> input into a squashfs image.</summary>
public sealed record SquashfsOptions(
    string Filename,
    [property: JsonPropertyName("exclude_paths")] IReadOnlyList<string>? ExcludePaths,
    SquashfsCompression Compression)
    : StageOptions("org.osbuild.squashfs");

/// <summary>The squashfs compressor, e.g. <c>zstd</c> or <c>xz</c>.</summary>
public sealed record SquashfsCompression(string Method);
