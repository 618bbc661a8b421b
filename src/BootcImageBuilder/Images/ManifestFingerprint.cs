using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BootcImageBuilder.Blueprint;
using BootcImageBuilder.Containers;
using BootcImageBuilder.Distro;

namespace BootcImageBuilder.Images;

/// <summary>
/// What a manifest's random values are derived from when they must repeat (<see cref="ManifestRequest.RepeatableIds"/>):
/// the image, the build container, the architecture, the root filesystem, the kind and the config. The requested
/// types are left out on purpose, so that another disk type of the same image and config gets the same disk.
/// </summary>
public static class ManifestFingerprint
{
    public static byte[] Of(ImageKind kind, BootcInfo source, BootcInfo build, BlueprintConfig config)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(build);
        var text = new StringBuilder()
            .Append("bootc-image-builder manifest fingerprint v1\n")
            .Append(kind).Append('\n')
            .Append(source.ImageId).Append('\n')
            .Append(build.ImageId).Append('\n')
            .Append(source.Arch.Name).Append('\n')
            .Append(source.DefaultRootFs).Append('\n')
            .Append(JsonSerializer.Serialize(config, BlueprintJsonContext.Default.BlueprintConfig));
        return SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
    }
}
