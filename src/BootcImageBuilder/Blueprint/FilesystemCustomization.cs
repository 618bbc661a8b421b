using System.Text.Json.Serialization;

namespace BootcImageBuilder.Blueprint;

/// <summary><c>[[customizations.filesystem]]</c>: a mountpoint and its minimum size (<c>size</c> is accepted as an alias).</summary>
public sealed record FilesystemCustomization
{
    [JsonPropertyName("mountpoint")]
    public required string Mountpoint { get; init; }

    /// <summary>In bytes; always greater than zero.</summary>
    [JsonPropertyName("minsize")]
    public required ulong MinSize { get; init; }
}
