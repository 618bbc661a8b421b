using BootcImageBuilder.Blueprint;
using BootcImageBuilder.Building;
using BootcImageBuilder.Cli.Commands;
using BootcImageBuilder.Cli.Logging;
using BootcImageBuilder.Cli.Progress;
using BootcImageBuilder.Cli.Settings;
using BootcImageBuilder.Containers;
using BootcImageBuilder.Images;
using BootcImageBuilder.Osbuild;
using BootcImageBuilder.Osbuild.Running;
using BootcImageBuilder.Processes;
using BootcImageBuilder.Upload;
using Serilog;
using Serilog.Events;

namespace BootcImageBuilder.Cli;

/// <summary>The real command implementations, writing to the given console streams.</summary>
internal sealed class CommandHandlers(TextWriter stdout, TextWriter stderr) : ICommandHandlers
{
    public void ConfigureLogging(LogEventLevel level)
    {
        Log.Logger = new LoggerConfiguration()
            .MinimumLevel.Is(level)
            .WriteTo.Console(new LogrusTextFormatter(), standardErrorFromLevel: LogEventLevel.Verbose)
            .CreateLogger();
        Log.Debug("log level set to {Level}", LogLevels.LogrusName(level));
    }

    public void Warn(string line) => stderr.WriteLine(line);

    public async Task<int> PrintVersionAsync(CancellationToken cancellationToken)
    {
        await stdout.WriteAsync(VersionInfo.Text.AsMemory(), cancellationToken);
        return 0;
    }

    public async Task<int> ManifestAsync(ManifestSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        IReadOnlyList<ImageManifest> manifests;
        try
        {
            manifests = await CreateManifestGeneration().GenerateAsync(settings, progress: null, cancellationToken);
        }
        catch (BibException e)
        {
            throw BibException.Wrap("cannot generate manifest", e);
        }

        foreach (var manifest in manifests)
        {
            using (manifest)
            {
                await stdout.WriteAsync(ManifestJson.ToCompactString(manifest.Manifest).AsMemory(), cancellationToken);
            }
        }

        return 0;
    }

    public async Task<int> BuildAsync(BuildSettings settings, CancellationToken cancellationToken)
    {
        var processes = new ProcessRunner();
        var flow = new BuildFlow(
            CreateManifestGeneration(),
            new EnvironmentChecks(processes),
            new ContainerEnvironmentSetup(processes),
            OsbuildRunner.Default,
            processes,
            stdout,
            stderr);
        await flow.RunAsync(settings, cancellationToken);
        return 0;
    }

    public Task<int> UploadAwsAsync(AwsUploadCommandSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return UploadAsync(settings.CreateTarget(), settings.ImagePath, settings.Progress, cancellationToken);
    }

    public Task<int> UploadGceAsync(UploadGceSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return UploadAsync(settings.CreateTarget(), settings.ArchivePath, settings.Progress, cancellationToken);
    }

    /// <summary><c>upload PROVIDER FILE</c>: the upload a build runs, on a file built earlier.</summary>
    private async Task<int> UploadAsync(IUploadTarget target, string artifactPath, ProgressMode mode, CancellationToken cancellationToken)
    {
        using (target)
        {
            await ProgressReporters.RunWithAsync(
                mode,
                stdout,
                stderr,
                progress => target.UploadAsync(artifactPath, new UploadView(mode, progress, stdout), cancellationToken),
                cancellationToken);
        }

        return 0;
    }

    private ManifestGeneration CreateManifestGeneration() => new(
        warn => ManifestGenerator.Create(new BootcInfoResolver(new Podman(new ProcessRunner())), warn),
        new BlueprintLoader("/"),
        stderr);
}
