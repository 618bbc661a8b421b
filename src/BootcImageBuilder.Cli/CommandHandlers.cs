using BootcImageBuilder.Blueprint;
using BootcImageBuilder.Building;
using BootcImageBuilder.Cli.Commands;
using BootcImageBuilder.Cli.Logging;
using BootcImageBuilder.Cli.Progress;
using BootcImageBuilder.Cli.Settings;
using BootcImageBuilder.Cli.Upload;
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
        // TODO(i20 merge): upload targets and their view.
        await build.RunAsync(settings.Request, progress, () => throw new NotSupportedException(), cancellationToken);
        return 0;
    }

    public async Task<int> UploadAwsAsync(AwsUploadCommandSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        await ReportedRun.RunAsync(ProgressReporters.Create(settings.Progress, stdout, stderr), async progress =>
        {
            // Before AWS is asked anything, as upstream fails to open the file first.
            UploadSource.Check(settings.ImagePath, "cannot upload");
            try
            {
                using var uploader = await AwsUploadFlow.CheckAsync(settings.Target, cancellationToken);
                await new AwsUploadFlow(stdout).UploadAsync(uploader, settings.ImagePath, settings.Progress, progress, cancellationToken);
            }
            catch (BibException e)
            {
                throw BibException.Wrap("cannot upload AMI", e);
            }
        }, cancellationToken);
        return 0;
    }

    public async Task<int> UploadGceAsync(UploadGceSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        await ReportedRun.RunAsync(ProgressReporters.Create(settings.Progress, stdout, stderr), progress =>
        {
            progress.Start();
            return GceUploadStep.RunAsync(
                settings.Gce, settings.ArchivePath, progress, new ResultLine(settings.Progress, progress, stdout), cancellationToken);
        }, cancellationToken);
        return 0;
    }
}
