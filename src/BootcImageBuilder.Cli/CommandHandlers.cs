using BootcImageBuilder.Cli.Commands;
using BootcImageBuilder.Cli.Logging;
using BootcImageBuilder.Cli.Settings;
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

    public async Task<int> PrintVersionAsync(CancellationToken cancellationToken)
    {
        await stdout.WriteAsync(VersionInfo.Text.AsMemory(), cancellationToken);
        return 0;
    }

    public async Task<int> ManifestAsync(ManifestSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        string manifest;
        try
        {
            manifest = await GenerateManifestAsync(settings, cancellationToken);
        }
        catch (BibException e)
        {
            throw BibException.Wrap("cannot generate manifest", e);
        }

        await stdout.WriteLineAsync(manifest.AsMemory(), cancellationToken);
        return 0;
    }

    public async Task<int> BuildAsync(BuildSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        try
        {
            await GenerateManifestAsync(settings.Manifest, cancellationToken);
        }
        catch (BibException e)
        {
            throw BibException.Wrap("cannot build manifest", e);
        }

        throw new BibException("cannot run osbuild: running osbuild is not implemented yet");
    }

    private async Task<string> GenerateManifestAsync(ManifestSettings settings, CancellationToken cancellationToken)
    {
        await HandleDeprecatedLocalAsync(settings);
        var types = settings.ParseTypes();
        await CheckTargetArchAsync(settings, types);
        cancellationToken.ThrowIfCancellationRequested();
        throw new BibException("manifest generation is not implemented yet");
    }

    private async Task HandleDeprecatedLocalAsync(ManifestSettings settings)
    {
        switch (settings.Local)
        {
            case true:
                await stderr.WriteLineAsync("WARNING: --local is now the default behavior, you can remove it from the command line");
                break;
            case false:
                throw new BibException(
                    "--local=false is no longer supported, remove it and make sure to pull the container before running bib:\n" +
                    $"\tsudo podman pull {settings.ImageRef}");
        }
    }

    private async Task CheckTargetArchAsync(ManifestSettings settings, Distro.ImageTypeSet types)
    {
        if (settings.TargetArch is null)
        {
            return;
        }

        var target = Arch.Parse(settings.TargetArch);
        if (target == Arch.Current)
        {
            return;
        }

        await stderr.WriteLineAsync("WARNING: target-arch is experimental and needs an installed 'qemu-user' package");
        if (types.Names.Contains("iso"))
        {
            throw new BibException("cannot build iso for different target arches yet");
        }
    }
}
