using System.Text.Json.Serialization;

namespace BootcImageBuilder.Osbuild;

/// <summary>
/// <c>org.osbuild.squashfs</c>: pack a tree (the input <c>tree</c>, or <paramref name="Source"/> such as
/// <c>mount://-/</c>) into the squashfs image <paramref name="Filename"/>.
/// </summary>
public sealed record SquashfsOptions(
    string Filename,
    string? Source,
    [property: JsonPropertyName("exclude_paths")] IReadOnlyList<string>? ExcludePaths,
    SquashfsCompression Compression)
    : StageOptions("org.osbuild.squashfs");

/// <summary>How a squashfs is compressed: <c>gzip</c>, <c>lz4</c>, <c>xz</c> or <c>zstd</c>, xz with an optional BCJ filter.</summary>
public sealed record SquashfsCompression(string Method, SquashfsCompressionOptions? Options = null)
{
    /// <summary>xz with the branch/call/jump filter for <paramref name="arch"/>; without options where xz has no filter for it.</summary>
    public static SquashfsCompression XzFor(Arch arch)
    {
        ArgumentNullException.ThrowIfNull(arch);
        return new("xz", XzBcjFilter(arch) is { } bcj ? new SquashfsCompressionOptions(bcj) : null);
    }

    /// <summary>The xz BCJ filter for an architecture's machine code, as upstream picks it; null when xz has none.</summary>
    public static string? XzBcjFilter(Arch arch)
    {
        ArgumentNullException.ThrowIfNull(arch);
        return arch.Name switch
        {
            "x86_64" => "x86",
            "aarch64" => "arm",
            "ppc64le" => "powerpc",
            _ => null,
        };
    }
}

/// <summary>Compression options; <paramref name="Bcj"/> is the xz branch/call/jump filter (<c>x86</c>, <c>arm</c>, <c>powerpc</c>, …).</summary>
public sealed record SquashfsCompressionOptions(string Bcj);
