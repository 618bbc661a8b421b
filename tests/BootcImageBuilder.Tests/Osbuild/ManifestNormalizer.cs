using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace BootcImageBuilder.Tests.Osbuild;

/// <summary>
/// Replaces the values of a manifest that change from run to run with stable tokens, in document order, so two
/// manifests can be compared structurally (upstream-manifests.md §7). The same value always gets the same token,
/// so cross references survive: the root filesystem's <c>uuid</c> and its mount unit's <c>What</c> stay equal.
/// <list type="bullet">
/// <item>filesystem, partition and table UUIDs (<c>uuid</c> keys), FAT volume ids (<c>volid</c>) and every
/// <c>/dev/disk/by-uuid/&lt;x&gt;</c> (also escaped in swap unit names) become <c>UUID-n</c>, compared lower-case
/// without dashes, so <c>7B7795E7</c> and <c>7B77-95E7</c> are one value;</item>
/// <item>every <c>sha256:&lt;hex&gt;</c> (image ids, digests, item keys and references) becomes <c>sha256:HASH-n</c>;</item>
/// <item>SHA-512 crypt strings (<c>$6$…</c>) become <c>CRYPT-n</c>.</item>
/// </list>
/// Partition type GUIDs and everything else are left alone.
/// </summary>
public sealed partial class ManifestNormalizer
{
    private readonly Dictionary<string, string> uuids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> hashes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> crypts = new(StringComparer.Ordinal);

    /// <summary>A normalized copy of <paramref name="manifest"/>.</summary>
    public static JsonNode Normalize(JsonNode manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return new ManifestNormalizer().Visit(manifest, null)!;
    }

    public static JsonNode Normalize(string manifestJson) => Normalize(JsonNode.Parse(manifestJson)!);

    /// <summary>Whether two manifests are equal once their random values are normalized.</summary>
    public static bool StructurallyEqual(string leftJson, string rightJson) =>
        JsonNode.DeepEquals(Normalize(leftJson), Normalize(rightJson));

    private JsonNode? Visit(JsonNode? node, string? propertyName) => node switch
    {
        JsonObject obj => VisitObject(obj),
        JsonArray array => new JsonArray([.. array.Select(item => Visit(item, null))]),
        JsonValue value when value.TryGetValue<string>(out var text) => JsonValue.Create(NormalizeString(text, propertyName)),
        _ => node?.DeepClone(),
    };

    private JsonObject VisitObject(JsonObject obj)
    {
        var result = new JsonObject();
        foreach (var (key, value) in obj)
        {
            result[ReplaceHashes(key)] = Visit(value, key);
        }

        return result;
    }

    private string NormalizeString(string text, string? propertyName)
    {
        if (propertyName is "uuid" or "volid")
        {
            return UuidToken(text);
        }

        if (text.StartsWith("$6$", StringComparison.Ordinal))
        {
            return Token(crypts, text, "CRYPT");
        }

        text = ByUuidPath().Replace(text, m => m.Groups["prefix"].Value + UuidToken(m.Groups["uuid"].Value));
        text = EscapedByUuidName().Replace(text, m => m.Groups["prefix"].Value + UuidToken(m.Groups["uuid"].Value.Replace(@"\x2d", "", StringComparison.Ordinal)));
        return ReplaceHashes(text);
    }

    private string ReplaceHashes(string text) =>
        Sha256().Replace(text, m => "sha256:" + Token(hashes, m.Groups["hex"].Value, "HASH"));

    private string UuidToken(string value) =>
        Token(uuids, value.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant(), "UUID");

    private static string Token(Dictionary<string, string> map, string canonical, string prefix)
    {
        if (!map.TryGetValue(canonical, out var token))
        {
            token = $"{prefix}-{map.Count + 1}";
            map[canonical] = token;
        }

        return token;
    }

    [GeneratedRegex(@"(?<prefix>/dev/disk/by-uuid/)(?<uuid>[0-9A-Fa-f-]+)")]
    private static partial Regex ByUuidPath();

    [GeneratedRegex(@"(?<prefix>by\\x2duuid-)(?<uuid>(?:[0-9A-Fa-f]|\\x2d)+)")]
    private static partial Regex EscapedByUuidName();

    [GeneratedRegex("sha256:(?<hex>[0-9a-f]{64})")]
    private static partial Regex Sha256();
}
