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

    public async Task<int> ManifestAsync(ManifestRequest request, CancellationToken cancellationToken)
    {
        await ManifestProduction.Create(Warn).WriteAsync(request, stdout, cancellationToken);
        return 0;
    }

    public async Task<int> BuildAsync(BuildSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var progress = ProgressReporters.Create(settings.Progress, stdout, stderr);
        var build = ImageBuild.Create(new BuildConsole(stdout, stderr));
        await build.RunAsync(settings.Request, progress, () => new UploadView(settings.Progress, progress, stdout), cancellationToken);
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
            await ReportedRun.RunAsync(
                ProgressReporters.Create(mode, stdout, stderr),
                progress => target.UploadAsync(artifactPath, new UploadView(mode, progress, stdout), cancellationToken),
                cancellationToken);
        }

        return 0;
    }
}
