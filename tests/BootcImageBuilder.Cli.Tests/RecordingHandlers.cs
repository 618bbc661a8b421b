using BootcImageBuilder.Cli.Commands;
using BootcImageBuilder.Cli.Settings;
using BootcImageBuilder.Images;
using Serilog.Events;

namespace BootcImageBuilder.Cli.Tests;

/// <summary>Captures what the command line hands to the commands, to check flags and defaults without side effects.</summary>
internal sealed class RecordingHandlers : ICommandHandlers
{
    public LogEventLevel? LogLevel { get; private set; }

    public ManifestRequest? Manifest { get; private set; }

    public BuildSettings? Build { get; private set; }

    public AwsUploadCommandSettings? UploadAws { get; private set; }

    public bool VersionPrinted { get; private set; }

    public List<string> Warnings { get; } = [];

    public void ConfigureLogging(LogEventLevel level) => LogLevel = level;

    public void Warn(string line) => Warnings.Add(line);

    public Task<int> PrintVersionAsync(CancellationToken cancellationToken)
    {
        VersionPrinted = true;
        return Task.FromResult(0);
    }

    public Task<int> ManifestAsync(ManifestRequest settings, CancellationToken cancellationToken)
    {
        Manifest = settings;
        return Task.FromResult(0);
    }

    public Task<int> BuildAsync(BuildSettings settings, CancellationToken cancellationToken)
    {
        Build = settings;
        return Task.FromResult(0);
    }

    public Task<int> UploadAwsAsync(AwsUploadCommandSettings settings, CancellationToken cancellationToken)
    {
        UploadAws = settings;
        return Task.FromResult(0);
    }

    public UploadGceSettings? UploadGce { get; private set; }

    public Task<int> UploadGceAsync(UploadGceSettings settings, CancellationToken cancellationToken)
    {
        UploadGce = settings;
        return Task.FromResult(0);
    }

    public static RecordingHandlers Invoke(params string[] args)
    {
        var handlers = new RecordingHandlers();
        var commandLine = new BibCommandLine(handlers);
        var parse = commandLine.Root.Parse(ImplicitBuild.Normalize(args, commandLine.Root));
        Assert.Empty(parse.Errors);
        Assert.Equal(0, parse.Invoke());
        return handlers;
    }
}
