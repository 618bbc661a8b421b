using System.Text.Json;

namespace BootcImageBuilder.Containers;

/// <summary>Reads the output of <c>bootc install print-configuration</c>.</summary>
public static class BootcInstallConfiguration
{
    /// <summary>The root filesystem types the manifest generator can build.</summary>
    public static IReadOnlyList<string> SupportedRootFsTypes { get; } = ["ext4", "xfs", "btrfs"];

    /// <summary>
    /// <c>filesystem.root.type</c> from <paramref name="json"/>; null when the image sets no default
    /// (kargs and the legacy top-level <c>root-fs-type</c> are not read, as upstream).
    /// </summary>
    /// <exception cref="BibException">The JSON is malformed or names an unsupported type.</exception>
    public static string? ParseDefaultRootFsType(string json)
    {
        string? type;
        try
        {
            using var document = JsonDocument.Parse(json);
            type = StringAt(document.RootElement, "filesystem", "root", "type");
        }
        catch (JsonException e)
        {
            throw new BibException($"failed to unmarshal bootc configuration: {e.Message}", e);
        }

        if (string.IsNullOrEmpty(type))
        {
            return null;
        }

        if (!SupportedRootFsTypes.Contains(type))
        {
            throw new BibException($"unsupported root filesystem type: {type}, supported: {string.Join(", ", SupportedRootFsTypes)}");
        }

        return type;
    }

    /// <summary>The string at the end of <paramref name="path"/>; absent or null members mean no value.</summary>
    private static string? StringAt(JsonElement element, params string[] path)
    {
        foreach (var name in path)
        {
            if (element.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (element.ValueKind != JsonValueKind.Object)
            {
                throw new JsonException($"cannot unmarshal {element.ValueKind.ToString().ToLowerInvariant()} into an object");
            }

            if (!element.TryGetProperty(name, out element))
            {
                return null;
            }
        }

        return element.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.String => element.GetString(),
            var kind => throw new JsonException($"cannot unmarshal {kind.ToString().ToLowerInvariant()} into a string"),
        };
    }
}
