using System.Security.Cryptography;
using BootcImageBuilder.IntegrationTests.Containers;

namespace BootcImageBuilder.IntegrationTests.EndToEnd;

/// <summary>
/// A Debian 12 bootc-like image that really installs and whose disks boot (make-debian-bootc-image.sh: a Debian kernel,
/// a dracut initramfs with ostree's module, systemd), built once and kept across runs:
/// it is rebuilt only when the script changes (its hash is the image's fingerprint label). Each architecture is the
/// same native image with another declared architecture (<c>buildah config --arch</c>); osbuild does not check.
/// </summary>
internal static class DebianBootcImage
{
    private const string FingerprintLabel = "bib.test.fingerprint";
    private const string BaseRef = "localhost/bib-test-e2e-debian-bootable:latest";

    private static readonly Lazy<Task<string>> Fingerprint = new(() => Task.FromResult(ComputeFingerprint()));
    private static readonly Lazy<Task> Base = new(BuildBaseAsync);
    private static readonly SemaphoreSlim Lock = new(1, 1);

    /// <summary>The image declared as <paramref name="goArch"/>, built when missing or stale.</summary>
    public static async Task<string> ForArchAsync(string goArch)
    {
        await Base.Value;
        var reference = $"localhost/bib-test-e2e-debian-bootable-{goArch}:latest";
        await Lock.WaitAsync();
        try
        {
            if (await IsCurrentAsync(reference, goArch))
            {
                return reference;
            }

            var container = (await TestImages.RunCheckedAsync("buildah", "from", "--quiet", BaseRef)).Trim();
            try
            {
                await TestImages.RunCheckedAsync("buildah", "config", "--arch", goArch, container);
                await TestImages.RunCheckedAsync("buildah", "commit", "--quiet", container, reference);
            }
            finally
            {
                await TestImages.RunCheckedAsync("buildah", "rm", container);
            }

            return reference;
        }
        finally
        {
            Lock.Release();
        }
    }

    private static async Task BuildBaseAsync()
    {
        if (await IsCurrentAsync(BaseRef, goArch: null))
        {
            return;
        }

        await TestImages.RunCheckedAsync(ScriptPath, BaseRef, $"{FingerprintLabel}={await Fingerprint.Value}");
    }

    private static async Task<bool> IsCurrentAsync(string reference, string? goArch)
    {
        try
        {
            var inspected = await TestImages.RunCheckedAsync(
                "podman", "image", "inspect", reference, "--format", $"{{{{index .Labels \"{FingerprintLabel}\"}}}} {{{{.Architecture}}}}");
            var fields = inspected.Trim().Split(' ');
            return fields[0] == await Fingerprint.Value && (goArch is null || fields[1] == goArch);
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static string ScriptPath => Path.Join(AppContext.BaseDirectory, "EndToEnd", "make-debian-bootc-image.sh");

    private static string ComputeFingerprint() => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(ScriptPath)));
}
