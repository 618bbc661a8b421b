using BootcImageBuilder.Images;
using BootcImageBuilder.Osbuild;
using BootcImageBuilder.Osbuild.Running;
using BootcImageBuilder.Processes;
using BootcImageBuilder.Upload;

namespace BootcImageBuilder.Building;

/// <summary>
/// <c>build</c> in upstream's order: the setup checks, the output directory, the upload checks, the ownership probe,
/// the manifests (saved next to the outputs), osbuild, the outputs moved into place, the uploads, and <c>--chown</c>.
/// osbuild writes into a staging directory, so a failed or interrupted build leaves no half-written artifact under a
/// final name. A failure ends as the progress view's error event and propagates as it is.
/// </summary>
public sealed class ImageBuild(BuildPreparation preparation, ManifestProduction manifests, OsbuildStep osbuild)
{
    /// <summary>With podman, osbuild and this machine's files; warnings and osbuild's own output go to <paramref name="console"/>.</summary>
    public static ImageBuild Create(BuildConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var processes = new ProcessRunner();
        return new ImageBuild(
            new BuildPreparation(new EnvironmentChecks(processes), new ContainerEnvironmentSetup(processes), processes, console),
            ManifestProduction.Create(console.Warn),
            new OsbuildStep(OsbuildRunner.Default, console));
    }

    /// <param name="request">What to build, and what follows.</param>
    /// <param name="progress">The build's view; it is stopped when the build ends or an upload takes over.</param>
    /// <param name="uploadView">The upload's view, asked for when the first upload starts.</param>
    /// <param name="cancellationToken">Interrupts the build; what it made on the way is removed.</param>
    public async Task<IReadOnlyList<Artifact>> RunAsync(
        BuildRequest request, IProgressReporter progress, Func<IUploadView> uploadView, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(uploadView);
        return await ReportedRun.RunAsync(progress, view => BuildAsync(request, view, uploadView, cancellationToken), cancellationToken);
    }

    private async Task<IReadOnlyList<Artifact>> BuildAsync(
        BuildRequest request, IProgressReporter progress, Func<IUploadView> uploadView, CancellationToken cancellationToken)
    {
        var inContainer = await preparation.PrepareAsync(request, cancellationToken);
        using var uploads = new BuildUploads(request.Uploads);
        await uploads.CheckAsync(cancellationToken);
        var canChown = BuildPreparation.CheckOwnership(request);
        var reuseSecret = TreeReuse.SecretFor(request, inContainer);

        var output = Path.GetFullPath(request.OutputDirectory);
        progress.Message($"Generating manifest {ManifestNames(request)}");
        IReadOnlyList<ImageManifest> generated;
        try
        {
            generated = await manifests.GenerateAsync(request.Manifest with { ReuseSecret = reuseSecret }, progress, cancellationToken);
        }
        catch (BibException e)
        {
            throw BibException.Wrap("cannot build manifest", e);
        }

        progress.Message("Done generating manifest");
        IReadOnlyList<Artifact> artifacts;
        try
        {
            foreach (var manifest in generated)
            {
                await ManifestFile.SaveAsync(Path.Combine(output, manifest.FileName), manifest.Manifest, cancellationToken);
            }

            progress.Pulse("Disk image building step");
            // One staging directory for every manifest: nothing is moved into place until all of them are built.
            using var staging = OutputStaging.Create(output);
            var options = new OsbuildStepOptions(request.StoreDirectory, staging.StagingDirectory, request.InVm, reuseSecret is not null, canChown);
            foreach (var manifest in generated)
            {
                await osbuild.RunAsync(manifest, options, progress, cancellationToken);
            }

            artifacts = staging.Promote(generated.SelectMany(m => m.Artifacts).ToList());
        }
        finally
        {
            foreach (var manifest in generated)
            {
                manifest.Dispose();
            }
        }

        progress.Message("Build complete!");
        progress.Message($"Results saved in {request.OutputDirectory}");
        progress.Result(artifacts);
        if (!uploads.IsEmpty)
        {
            // As upstream: the build's progress display ends and the upload's view takes over.
            progress.Stop();
            await uploads.UploadAsync(artifacts, uploadView(), cancellationToken);
        }

        if (request.Chown is { } chown)
        {
            try
            {
                Ownership.ChownRecursive(output, chown.Uid, chown.Gid);
            }
            catch (BibException e)
            {
                throw BibException.Wrap($"cannot setup owner for \"{request.OutputDirectory}\"", e);
            }
        }

        return artifacts;
    }

    /// <summary>The manifest files the request makes: one per kind of image (upstream makes one).</summary>
    private static string ManifestNames(BuildRequest request)
    {
        var types = request.Manifest.Types;
        return string.Join(", ", types.Kinds.Select(kind => types.OfKind(kind).ManifestFileName));
    }
}
