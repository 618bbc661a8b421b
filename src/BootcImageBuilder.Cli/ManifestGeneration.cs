using BootcImageBuilder.Blueprint;
using BootcImageBuilder.Cli.Progress;
using BootcImageBuilder.Cli.Settings;
using BootcImageBuilder.Images;
using BootcImageBuilder.Randomness;

namespace BootcImageBuilder.Cli;

/// <summary>
/// The manifest step shared by <c>manifest</c> and <c>build</c>: the target architecture warning and
/// the config are the host's business; the manifests themselves come from the core's <see cref="ManifestGenerator"/>.
/// </summary>
internal sealed class ManifestGeneration(Func<Action<string>, ManifestGenerator> createGenerator, BlueprintLoader configLoader, TextWriter stderr)
{
    /// <param name="reuseSecret">Derive UUIDs and salts from this store's secret, the image and config (see <see cref="ManifestRequest.ReuseSecret"/>).</param>
    public async Task<IReadOnlyList<ImageManifest>> GenerateAsync(
        ManifestSettings settings, IProgressReporter? progress, CancellationToken cancellationToken, StoreSecret? reuseSecret = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        await CheckTargetArchAsync(settings);
        BlueprintConfig config;
        try
        {
            config = await configLoader.LoadAsync(settings.ConfigPath, cancellationToken);
        }
        catch (BibException e)
        {
            throw BibException.Wrap("cannot read config", e);
        }

        progress?.Pulse("Manifest generation step");
        progress?.Start();

        var request = new ManifestRequest(settings.ImageRef, settings.Types)
        {
            Config = config,
            TargetArch = settings.TargetArch,
            RootfsOverride = settings.RootFs,
            BuildContainerRef = settings.BuildContainer,
            InstallerPayloadRef = settings.InstallerPayloadRef,
            RpmmdDirectory = settings.RpmmdDirectory,
            UseLibrepo = settings.UseLibrepo,
            OmitDefaultKernelArgs = settings.NoDefaultKernelArgs,
            ReuseSecret = reuseSecret,
        };
        return await createGenerator(stderr.WriteLine).GenerateAsync(request, cancellationToken);
    }

    private async Task CheckTargetArchAsync(ManifestSettings settings)
    {
        if (settings.TargetArch is not { } target || target == Arch.Current)
        {
            return;
        }

        await stderr.WriteLineAsync("WARNING: target-arch is experimental and needs an installed 'qemu-user' package");
        // Upstream checks only the literal "iso"; every installer ISO is refused here.
        if (settings.Types.BuildsIso)
        {
            throw new BibException("cannot build iso for different target arches yet");
        }
    }
}
