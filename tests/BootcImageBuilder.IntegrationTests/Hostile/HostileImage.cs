using System.Security.Cryptography;
using System.Text;
using BootcImageBuilder.IntegrationTests.Containers;

namespace BootcImageBuilder.IntegrationTests.Hostile;

/// <summary>
/// A test image made hostile: the CentOS test image with a shell script run against its mounted root (links out of
/// the root, FIFOs, devices, huge files). Built once per content with buildah, like <see cref="TestImages"/>.
/// With <paramref name="AsInstaller"/>, the tool makes a <c>bootc-installer</c> ISO manifest with the image as the
/// installer (and its payload), whose manifest carries what qcow2's does not: the image's UEFI vendor and kernel version.
/// </summary>
public sealed record HostileImage(string Name, string Script, bool AsInstaller = false)
{
    private const string FingerprintLabel = "bib.test.fingerprint";
    private static readonly SemaphoreSlim BuildLock = new(1, 1);

    public string Ref => $"localhost/bib-hostile-{Name}:latest";

    /// <summary>The tool's arguments for a manifest of this image.</summary>
    public IReadOnlyList<string> ManifestArgs => AsInstaller
        ? ["manifest", "--type", "bootc-installer", "--installer-payload-ref", Ref, "--target-arch", "x86_64", Ref]
        : ["manifest", Ref];

    public override string ToString() => Name;

    /// <summary>Builds the image unless an identical one exists, and returns its id.</summary>
    public async Task<string> EnsureBuiltAsync()
    {
        var baseRef = await TestImages.EnsureBuiltAsync(TestImages.CentOsStream9("amd64"));
        var baseId = (await TestImages.RunCheckedAsync("podman", "image", "inspect", "--format", "{{.Id}}", baseRef)).Trim();
        var fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{Name}\n{baseId}\n{Script}")));
        await BuildLock.WaitAsync();
        try
        {
            var existing = await TestImages.RunCheckedAsync("podman", "images", "--filter", $"label={FingerprintLabel}={fingerprint}", "--format", "{{.Id}}");
            if (existing.Trim().Length == 0)
            {
                await BuildAsync(baseRef, fingerprint);
            }

            return (await TestImages.RunCheckedAsync("podman", "image", "inspect", "--format", "{{.Id}}", Ref)).Trim();
        }
        finally
        {
            BuildLock.Release();
        }
    }

    private async Task BuildAsync(string baseRef, string fingerprint)
    {
        var container = (await TestImages.RunCheckedAsync("buildah", "from", "--pull=never", baseRef)).Trim();
        try
        {
            var root = (await TestImages.RunCheckedAsync("buildah", "mount", container)).Trim();
            await TestImages.RunCheckedAsync("sh", "-euc", Script, "hostile", root);
            await TestImages.RunCheckedAsync("buildah", "umount", container);
            await TestImages.RunCheckedAsync("buildah", "config", "--label", $"{FingerprintLabel}={fingerprint}", container);
            await TestImages.RunCheckedAsync("buildah", "commit", "--quiet", container, Ref);
        }
        finally
        {
            await TestImages.RunCheckedAsync("buildah", "rm", container);
        }
    }
}
