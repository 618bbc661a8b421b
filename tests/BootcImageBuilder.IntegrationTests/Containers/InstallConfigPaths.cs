using BootcImageBuilder.Containers;
using BootcImageBuilder.Distro;
using BootcImageBuilder.Images;
using BootcImageBuilder.Osbuild;
using BootcImageBuilder.Randomness;
using BootcImageBuilder.Tests.Osbuild.Schema;

namespace BootcImageBuilder.IntegrationTests.Containers;

/// <summary>
/// One image's manifests made both ways: the root filesystem type read from its <c>bootc/install</c> files, and asked
/// of <c>bootc install print-configuration</c> in a container (upstream's way). Ids come from one store secret, so
/// the two runs are byte-comparable.
/// </summary>
internal static class InstallConfigPaths
{
    /// <summary>What each way produced (the manifests, or the error), and how often each ran bootc.</summary>
    public sealed record Outcome(string FromFiles, string FromBootc, int BootcRunsFromFiles, int BootcRunsFromBootc);

    public static async Task<Outcome> CompareAsync(string imageRef, string types, Arch arch)
    {
        var store = Directory.CreateTempSubdirectory("bib-install-config-");
        try
        {
            var secret = StoreSecret.LoadOrCreate(store.FullName);
            var filesPodman = new RecordingPodman();
            var bootcPodman = new RecordingPodman();
            var fromFiles = await ManifestsAsync(new BootcInfoResolver(filesPodman), imageRef, types, arch, secret);
            var fromBootc = await ManifestsAsync(new BootcInfoResolver(bootcPodman, alwaysAskBootc: true), imageRef, types, arch, secret);
            return new Outcome(fromFiles, fromBootc, BootcRuns(filesPodman), BootcRuns(bootcPodman));
        }
        finally
        {
            store.Delete(recursive: true);
        }
    }

    private static int BootcRuns(RecordingPodman podman) =>
        podman.Calls.Count(call => call is ["exec", _, "bootc", "install", "print-configuration"]);

    private static async Task<string> ManifestsAsync(BootcInfoResolver resolver, string imageRef, string types, Arch arch, StoreSecret secret)
    {
        var request = new ManifestRequest(imageRef, ImageTypeSet.Parse(types.Split(','))) { TargetArch = arch, ReuseSecret = secret };
        IReadOnlyList<ImageManifest> manifests;
        try
        {
            manifests = await ManifestGenerator.Create(resolver, _ => { }).GenerateAsync(request, CancellationToken.None);
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            return $"error: {e.GetType().Name}: {e.Message}";
        }

        var texts = new List<string>();
        foreach (var manifest in manifests)
        {
            using (manifest)
            {
                var json = ManifestJson.ToCompactString(manifest.Manifest);
                OsbuildSchema.AssertValid(json);
                texts.Add(json);
            }
        }

        return string.Join('\n', texts);
    }
}
