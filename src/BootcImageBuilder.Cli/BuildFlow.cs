using BootcImageBuilder.Building;
using BootcImageBuilder.Cli.Progress;
using BootcImageBuilder.Cli.Settings;
using BootcImageBuilder.Distro;
using BootcImageBuilder.Images;
using BootcImageBuilder.Osbuild;
using BootcImageBuilder.Osbuild.Running;
using BootcImageBuilder.Processes;
using BootcImageBuilder.Randomness;
using BootcImageBuilder.Upload;
using Serilog;

namespace BootcImageBuilder.Cli;

/// <summary>
/// <c>build</c> in upstream's order: environment checks, output directory, ownership probe, manifest (saved next to
/// the outputs), osbuild, then the outputs moved into place and <c>--chown</c>. osbuild writes into a staging
/// directory, so a failed or interrupted build leaves no half-written artifact under a final name.
/// </summary>
internal sealed class BuildFlow(
    ManifestGeneration manifestGeneration,
    EnvironmentChecks environment,
    ContainerEnvironmentSetup containerSetup,
    OsbuildRunner osbuild,
    IProcessRunner processes,
    TextWriter stdout,
    TextWriter stderr)
{
    public async Task RunAsync(BuildSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var progress = ProgressReporters.Create(settings.Progress, stdout, stderr);
        var stopped = false;
        void StopOnce()
        {
            if (!stopped)
            {
                stopped = true;
                progress.Stop();
            }
        }

        try
        {
            await RunAsync(settings, progress, StopOnce, cancellationToken);
        }
        catch (Exception e)
        {
            ProgressReporters.ReportFailure(progress, e, cancellationToken);
            throw;
        }
        finally
        {
            StopOnce();
            (progress as IDisposable)?.Dispose();
        }
    }

    private async Task RunAsync(BuildSettings settings, IProgressReporter progress, Action stopProgress, CancellationToken cancellationToken)
    {
        // Types, architecture and root filesystem were parsed with the flags, before anything touches the system,
        // unlike upstream (README, Differences).
        var manifestSettings = settings.Manifest;
        IReadOnlyList<string> warnings;
        try
        {
            warnings = await environment.ValidateAsync(manifestSettings.TargetArch, manifestSettings.InVm, cancellationToken);
        }
        catch (BibException e)
        {
            throw BibException.Wrap("cannot validate the setup", e);
        }

        foreach (var warning in warnings)
        {
            Log.Warning("{Warning}", warning);
        }

        var inContainer = await ContainerDetection.InContainerAsync(processes, cancellationToken);
        if (!inContainer)
        {
            await stderr.WriteLineAsync("WARNING: running outside a container, this is an unsupported configuration");
        }
        else
        {
            try
            {
                await containerSetup.EnsureAsync(settings.StoreDirectory, manifestSettings.InVm, cancellationToken);
            }
            catch (BibException e)
            {
                throw BibException.Wrap("cannot ensure the environment", e);
            }
        }

        var output = Path.GetFullPath(settings.OutputDirectory);
        try
        {
            Directory.CreateDirectory(output);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BibException($"cannot setup build dir: {e.Message}", e);
        }

        var arch = manifestSettings.TargetArch ?? Arch.Current;
        using var uploads = new BuildUploads(settings.Uploads.Select(upload => upload.CreateTarget(arch)).ToList());
        await uploads.CheckAsync(cancellationToken);

        bool canChown;
        try
        {
            canChown = Ownership.CanChownIn(output);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BibException($"cannot ensure ownership: {e.Message}", e);
        }

        if (!canChown && settings.Chown is not null)
        {
            throw new BibException("chowning is not allowed in output directory");
        }

        // Kept trees are found again only by identical pipeline ids, so the manifest must repeat for the same inputs
        // and store: its ids are derived from the store's secret.
        var keepTrees = KeepsTrees(settings, inContainer);
        var reuseSecret = keepTrees ? StoreSecret.LoadOrCreate(settings.StoreDirectory) : null;
        progress.Message($"Generating manifest {ManifestNames(manifestSettings.Types)}");
        IReadOnlyList<ImageManifest> manifests;
        try
        {
            manifests = await manifestGeneration.GenerateAsync(manifestSettings, progress, cancellationToken, reuseSecret);
        }
        catch (BibException e)
        {
            throw BibException.Wrap("cannot build manifest", e);
        }

        progress.Message("Done generating manifest");
        IReadOnlyList<Artifact> artifacts;
        try
        {
            foreach (var manifest in manifests)
            {
                await SaveManifestAsync(Path.Combine(output, manifest.FileName), manifest.Manifest, cancellationToken);
            }

            progress.Pulse("Disk image building step");
            // One staging directory for every manifest: nothing is moved into place until all of them are built.
            using var staging = OutputStaging.Create(output);
            foreach (var manifest in manifests)
            {
                await BuildAsync(manifest, staging, canChown, keepTrees, settings, progress, cancellationToken);
            }

            artifacts = staging.Promote(manifests.SelectMany(m => m.Artifacts).ToList());
        }
        finally
        {
            foreach (var manifest in manifests)
            {
                manifest.Dispose();
            }
        }

        progress.Message("Build complete!");
        progress.Message($"Results saved in {settings.OutputDirectory}");
        progress.Result(artifacts);
        if (!uploads.IsEmpty)
        {
            // As upstream: the build's progress display ends and the upload's byte bar takes over.
            stopProgress();
            await uploads.UploadAsync(artifacts, new UploadView(settings.Progress, progress, stdout), cancellationToken);
        }

        if (settings.Chown is { } chown)
        {
            try
            {
                Ownership.ChownRecursive(output, chown.Uid, chown.Gid);
            }
            catch (BibException e)
            {
                throw BibException.Wrap($"cannot setup owner for \"{settings.OutputDirectory}\"", e);
            }
        }
    }

    /// <summary>Runs osbuild on one manifest, exporting into the staging directory.</summary>
    private async Task BuildAsync(
        ImageManifest manifest,
        OutputStaging staging,
        bool canChown,
        bool keepTrees,
        BuildSettings settings,
        IProgressReporter progress,
        CancellationToken cancellationToken)
    {
        progress.Message($"Building {manifest.FileName}");
        var needed = PipelineDependencies.NeededFor(manifest.Manifest, manifest.Exports);
        var invocation = new OsbuildInvocation(settings.StoreDirectory, staging.StagingDirectory, manifest.Exports)
        {
            InVm = settings.Manifest.InVm,
            Environment = OsbuildEnvironment(manifest, canChown),
            Checkpoints = keepTrees ? needed : [],
        };
        var json = ManifestJson.ToCompactString(manifest.Manifest);
        IReadOnlyList<string> built;
        try
        {
            built = progress.WantsMonitor
                ? await osbuild.RunMonitoredAsync(json, invocation, progress.Status, cancellationToken)
                : await osbuild.RunPassthroughAsync(json, invocation, stdout, stderr, cancellationToken);
        }
        catch (BibException e)
        {
            throw BibException.Wrap("cannot run osbuild", e);
        }

        // osbuild skips every pipeline whose tree its store already holds.
        var cached = needed.Except(built, StringComparer.Ordinal).ToList();
        if (cached.Count > 0)
        {
            progress.Cached(cached);
        }
    }

    /// <summary>
    /// Checkpoints cost a copy of each tree into the store; they pay off only when the store outlives this build
    /// (docs/rebuilds.md has the figures).
    /// </summary>
    private static bool KeepsTrees(BuildSettings settings, bool inContainer)
    {
        var keep = settings.Checkpoints switch
        {
            CheckpointMode.Always => true,
            CheckpointMode.Never => false,
            _ => StorePersistence.IsKept(settings.StoreDirectory, settings.StoreChosen, inContainer),
        };
        Log.Debug("Checkpoints in the osbuild store {Store}: {Keep}", settings.StoreDirectory, keep);
        return keep;
    }

    /// <summary>What osbuild's environment gets on top of ours: the manifest's own (mTLS keys), and the ownership switch.</summary>
    private static Dictionary<string, string> OsbuildEnvironment(ImageManifest manifest, bool canChown)
    {
        var environment = new Dictionary<string, string>(manifest.OsbuildEnvironment);
        if (!canChown)
        {
            environment["OSBUILD_EXPORT_FORCE_NO_PRESERVE_OWNER"] = "1";
        }

        return environment;
    }

    /// <summary>The manifest files the request makes: one per kind of image (upstream makes one).</summary>
    private static string ManifestNames(ImageTypeSet types) =>
        string.Join(", ", types.Kinds.Select(kind => types.OfKind(kind).ManifestFileName));

    /// <summary>Written to a temporary name first, so a reader never sees half a manifest.</summary>
    private static async Task SaveManifestAsync(string path, Manifest manifest, CancellationToken cancellationToken)
    {
        var temporary = path + ".tmp";
        try
        {
            await File.WriteAllTextAsync(temporary, ManifestJson.ToIndentedString(manifest), cancellationToken);
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(temporary);
            throw new BibException($"cannot save manifest: {e.Message}", e);
        }
    }
}
