using System.Text;
using System.Text.Json;
using BootcImageBuilder.Blueprint;
using BootcImageBuilder.Containers;
using BootcImageBuilder.Distro;
using BootcImageBuilder.Randomness;

namespace BootcImageBuilder.Images;

/// <summary>
/// What a manifest's random values are derived from when they must repeat (<see cref="ManifestRequest.ReuseSecret"/>):
/// an HMAC under the store's secret of the image, the build container, the architecture, the root filesystem, the
/// kind and the config. The requested types are left out on purpose, so that another disk type of the same image and
/// config gets the same disk. Secret values of the config enter only as their own keyed hashes, and without the
/// store's secret nothing derived from it can be predicted or used to test a guess.
/// </summary>
public static class ManifestFingerprint
{
    public static byte[] Of(ImageKind kind, BootcInfo source, BootcInfo build, BlueprintConfig config, StoreSecret secret)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(build);
        ArgumentNullException.ThrowIfNull(secret);
        var hashedSecrets = ConfigSecrets.Replace(config, value =>
            "hmac-sha256:" + Convert.ToHexStringLower(secret.KeyedHash(Encoding.UTF8.GetBytes("config secret\n" + value))));
        var text = new StringBuilder()
            .Append("bootc-image-builder manifest fingerprint v2\n")
            .Append(kind).Append('\n')
            .Append(source.ImageId).Append('\n')
            .Append(build.ImageId).Append('\n')
            .Append(source.Arch.Name).Append('\n')
            .Append(source.DefaultRootFs).Append('\n')
            .Append(JsonSerializer.Serialize(hashedSecrets, BlueprintJsonContext.Default.BlueprintConfig));
        return secret.KeyedHash(Encoding.UTF8.GetBytes(text.ToString()));
    }
}
