using BootcImageBuilder.Distro;
using BootcImageBuilder.Images;
using BootcImageBuilder.Osbuild;
using BootcImageBuilder.Osbuild.Running;

namespace BootcImageBuilder.Building;

/// <summary>Runs osbuild on one manifest, exporting into the staging directory, and tells which pipelines its store gave.</summary>
public sealed class OsbuildStep(OsbuildRunner osbuild, BuildConsole console)
{
    /// <param name="manifest">The manifest and its exports.</param>
    /// <param name="options">The store, the staging directory and what osbuild may keep and change.</param>
    /// <param name="progress">Either reads osbuild's monitor, or osbuild's own output passes through to the console.</param>
    /// <param name="cancellationToken">Stops osbuild.</param>
    public async Task RunAsync(ImageManifest manifest, OsbuildStepOptions options, IProgressReporter progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);
        progress.Message($"Building {manifest.FileName}");
        var exportable = ImageTypes.All.Where(t => t.Kind == manifest.Kind).Select(t => t.Export).ToList();
        var history = options.KeepTrees ? new BuildRootHistory(options.StoreDirectory) : null;
        var invocation = new OsbuildInvocation(options.StoreDirectory, options.OutputDirectory, manifest.Exports)
        {
            InVm = options.InVm,
            Environment = Environment(manifest, options.CanChown),
            Checkpoints = history is null ? [] : CheckpointSelection.For(manifest.Manifest, manifest.Exports, exportable, history.UsedBefore(manifest.Manifest)),
        };
        var json = ManifestJson.ToCompactString(manifest.Manifest);
        IReadOnlyList<string> built;
        try
        {
            built = progress.WantsMonitor
                ? await osbuild.RunMonitoredAsync(json, invocation, progress.Status, cancellationToken)
                : await osbuild.RunPassthroughAsync(json, invocation, console.Out, console.Error, cancellationToken);
        }
        catch (BibException e)
        {
            throw BibException.Wrap("cannot run osbuild", e);
        }

        history?.Record(manifest.Manifest, manifest.Exports);
        var cached = PipelineDependencies.TakenFromStore(manifest.Manifest, manifest.Exports, built);
        if (cached.Count > 0)
        {
            progress.Cached(cached);
        }
    }

    /// <summary>What osbuild's environment gets on top of ours: the manifest's own (mTLS keys), and the ownership switch.</summary>
    private static Dictionary<string, string> Environment(ImageManifest manifest, bool canChown)
    {
        var environment = new Dictionary<string, string>(manifest.OsbuildEnvironment);
        if (!canChown)
        {
            environment["OSBUILD_EXPORT_FORCE_NO_PRESERVE_OWNER"] = "1";
        }

        return environment;
    }
}
