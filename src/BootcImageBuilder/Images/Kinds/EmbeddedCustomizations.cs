using BootcImageBuilder.Blueprint;
using BootcImageBuilder.Containers;

namespace BootcImageBuilder.Images.Kinds;

/// <summary>The customizations an image carries in <c>usr/lib/bootc-image-builder/config.{json,toml}</c>.</summary>
public static class EmbeddedCustomizations
{
    /// <summary>The embedded config's customizations, or null when the image has none.</summary>
    public static Customizations? Of(BootcInfo source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.OsInfo.EmbeddedConfig is not { } embedded)
        {
            return null;
        }

        var format = embedded.Path.EndsWith(".toml", StringComparison.Ordinal) ? ConfigFormat.Toml : ConfigFormat.Json;
        return BlueprintParser.Parse(embedded.Contents, format, embedded.Path).Customizations;
    }
}
