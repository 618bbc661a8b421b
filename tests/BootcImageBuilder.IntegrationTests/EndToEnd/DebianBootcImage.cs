using System.Security.Cryptography;
using BootcImageBuilder.IntegrationTests.Containers;

namespace BootcImageBuilder.IntegrationTests.EndToEnd;

/// <summary>
/// A Debian 12 bootc-like image that really installs and whose disks boot (make-debian-bootc-image.sh: a Debian kernel,
/// a dracut initramfs with ostree's module, systemd), and its PXE variant built on it, each built once and kept across
/// runs: rebuilt only when its scripts change (their hash is the image's fingerprint label). Each architecture is the
/// same native image with another declared architecture (<c>buildah config --arch</c>); osbuild does not check. The
/// foreign images (<see cref="ForeignAsync"/>) are the same script run for another Debian architecture: that
/// architecture's own binaries, made under qemu-user.
/// </summary>
internal static class DebianBootcImage
{
    private const string FingerprintLabel = "bib.test.fingerprint";
    private const string BootableName = "localhost/bib-test-e2e-debian-bootable";
    private const string PxeName = "localhost/bib-test-e2e-debian-pxe";
    private const string BaseScript = "make-debian-bootc-image.sh";
    private const string PxeScript = "make-debian-pxe-image.sh";

    private static readonly Lazy<string> BaseFingerprint = new(() => ComputeFingerprint(BaseScript));
    private static readonly Lazy<string> PxeFingerprint = new(() => ComputeFingerprint(BaseScript, PxeScript));
    private static readonly Lazy<Task> Base = new(BuildBaseAsync);
    private static readonly Lazy<Task> PxeBase = new(BuildPxeBaseAsync);
    private static readonly SemaphoreSlim Lock = new(1, 1);
    private static readonly SemaphoreSlim ForeignLock = new(1, 1);

    /// <summary>The bootable image declared as <paramref name="goArch"/>, built when missing or stale.</summary>
    public static async Task<string> ForArchAsync(string goArch)
    {
        await Base.Value;
        return await ArchVariantAsync(BootableName, BaseFingerprint.Value, goArch);
    }

    /// <summary>
    /// The bootable image built from <paramref name="goArch"/>'s own Debian packages (ppc64le, s390x), built when
    /// missing or stale; needs qemu-user for that architecture in binfmt_misc.
    /// </summary>
    public static async Task<string> ForeignAsync(string goArch)
    {
        var debianArch = goArch switch
        {
            "ppc64le" => "ppc64el",
            "s390x" => "s390x",
            _ => throw new ArgumentException($"no foreign Debian test image for {goArch}", nameof(goArch)),
        };
        var reference = $"{BootableName}-foreign-{goArch}:latest";
        await ForeignLock.WaitAsync();
        try
        {
            if (!await IsCurrentAsync(reference, BaseFingerprint.Value, goArch))
            {
                await TestImages.RunCheckedAsync(ScriptPath(BaseScript), "--arch", debianArch, reference, $"{FingerprintLabel}={BaseFingerprint.Value}");
            }

            return reference;
        }
        finally
        {
            ForeignLock.Release();
        }
    }

    /// <summary>
    /// The PXE-capable variant (make-debian-pxe-image.sh: dracut's live modules in the initramfs) declared as
    /// <paramref name="goArch"/>, built when missing or stale.
    /// </summary>
    public static async Task<string> PxeForArchAsync(string goArch)
    {
        await PxeBase.Value;
        return await ArchVariantAsync(PxeName, PxeFingerprint.Value, goArch);
    }

    /// <summary>
    /// The bootable image declared as <paramref name="goArch"/> with a <c>bootc/install</c> file saying what its bootc
    /// stand-in prints (ext4 and a console karg), as bootc base images carry one; made afresh (a single small layer).
    /// </summary>
    public static async Task<string> WithInstallConfigAsync(string goArch)
    {
        var from = await ForArchAsync(goArch);
        var reference = $"localhost/bib-test-e2e-debian-install-config-{goArch}:latest";
        var toml = Path.GetTempFileName();
        await File.WriteAllTextAsync(toml, "[install]\nkargs = [\"console=ttyS0\"]\n\n[install.filesystem.root]\ntype = \"ext4\"\n");
        var container = (await TestImages.RunCheckedAsync("buildah", "from", "--quiet", from)).Trim();
        try
        {
            await TestImages.RunCheckedAsync("buildah", "copy", "--quiet", "--chmod", "0644", container, toml, "/usr/lib/bootc/install/00-debian.toml");
            await TestImages.RunCheckedAsync("buildah", "commit", "--quiet", container, reference);
        }
        finally
        {
            await TestImages.RunCheckedAsync("buildah", "rm", container);
            File.Delete(toml);
        }

        return reference;
    }

    private static async Task<string> ArchVariantAsync(string name, string fingerprint, string goArch)
    {
        var reference = $"{name}-{goArch}:latest";
        await Lock.WaitAsync();
        try
        {
            if (await IsCurrentAsync(reference, fingerprint, goArch))
            {
                return reference;
            }

            var container = (await TestImages.RunCheckedAsync("buildah", "from", "--quiet", $"{name}:latest")).Trim();
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
        if (!await IsCurrentAsync($"{BootableName}:latest", BaseFingerprint.Value, goArch: null))
        {
            await TestImages.RunCheckedAsync(ScriptPath(BaseScript), $"{BootableName}:latest", $"{FingerprintLabel}={BaseFingerprint.Value}");
        }
    }

    private static async Task BuildPxeBaseAsync()
    {
        await Base.Value;
        if (!await IsCurrentAsync($"{PxeName}:latest", PxeFingerprint.Value, goArch: null))
        {
            await TestImages.RunCheckedAsync(
                ScriptPath(PxeScript), $"{BootableName}:latest", $"{PxeName}:latest", $"{FingerprintLabel}={PxeFingerprint.Value}");
        }
    }

    private static async Task<bool> IsCurrentAsync(string reference, string fingerprint, string? goArch)
    {
        try
        {
            var inspected = await TestImages.RunCheckedAsync(
                "podman", "image", "inspect", reference, "--format", $"{{{{index .Labels \"{FingerprintLabel}\"}}}} {{{{.Architecture}}}}");
            var fields = inspected.Trim().Split(' ');
            return fields[0] == fingerprint && (goArch is null || fields[1] == goArch);
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static string ScriptPath(string script) => Path.Join(AppContext.BaseDirectory, "EndToEnd", script);

    /// <summary>The hash of the scripts that make an image: a change to any of them rebuilds it.</summary>
    private static string ComputeFingerprint(params string[] scripts) =>
        Convert.ToHexStringLower(SHA256.HashData([.. scripts.SelectMany(script => File.ReadAllBytes(ScriptPath(script)))]));
}
