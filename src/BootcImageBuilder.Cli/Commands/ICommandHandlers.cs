using BootcImageBuilder.Cli.Settings;
using BootcImageBuilder.Images;
using Serilog.Events;

namespace BootcImageBuilder.Cli.Commands;

/// <summary>What each command does once its flags are parsed and validated.</summary>
internal interface ICommandHandlers
{
    void ConfigureLogging(LogEventLevel level);

    /// <summary>Writes one warning line for the user (stderr).</summary>
    void Warn(string line);

    Task<int> PrintVersionAsync(CancellationToken cancellationToken);

    Task<int> ManifestAsync(ManifestRequest request, CancellationToken cancellationToken);

    Task<int> BuildAsync(BuildSettings settings, CancellationToken cancellationToken);

    Task<int> UploadAwsAsync(AwsUploadCommandSettings settings, CancellationToken cancellationToken);
    Task<int> UploadGceAsync(UploadGceSettings settings, CancellationToken cancellationToken);
}
