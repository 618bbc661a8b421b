using System.Collections.Immutable;
using System.Security.Cryptography;

namespace BootcImageBuilder.Osbuild;

/// <summary><c>org.osbuild.inline</c>: file contents embedded in the manifest, keyed by <c>sha256:&lt;hex&gt;</c> of the bytes.</summary>
public sealed record InlineSource(ImmutableSortedDictionary<string, InlineSourceItem> Items)
    : Source("org.osbuild.inline")
{
    public InlineSource(params IEnumerable<byte[]> contents)
        : this(OsbuildMap.From(contents.Select(c => KeyValuePair.Create(ChecksumOf(c), InlineSourceItem.Of(c)))))
    {
    }

    /// <summary>The key an inline item with these bytes gets: <c>sha256:&lt;lower-case hex&gt;</c>.</summary>
    public static string ChecksumOf(byte[] content) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(content));
}

/// <summary>Base64-encoded content of an inline item.</summary>
public sealed record InlineSourceItem(string Encoding, string Data)
{
    public static InlineSourceItem Of(byte[] content) => new("base64", Convert.ToBase64String(content));
}
