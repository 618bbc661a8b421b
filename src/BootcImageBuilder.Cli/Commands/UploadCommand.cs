using System.CommandLine;
using BootcImageBuilder.Cli.Logging;
using BootcImageBuilder.Cli.Settings;

namespace BootcImageBuilder.Cli.Commands;

/// <summary>
/// <c>upload</c>, as osbuild's image-builder CLI has it, for an image built earlier; one subcommand per cloud.
/// Upstream bootc-image-builder has no such command (only a developer tool).
/// </summary>
internal static class UploadCommand
{
    public static Command Create(GlobalOptions global, ICommandHandlers handlers)
    {
        var command = new Command("upload", "Upload an image built earlier to a cloud");
        command.Subcommands.Add(CreateAws(global, handlers));
        command.Subcommands.Add(new UploadGceCommand(global, handlers).Create());
        return command;
    }

    private static Command CreateAws(GlobalOptions global, ICommandHandlers handlers)
    {
        var options = new AwsUploadOptions();
        var command = new Command("aws", "Upload a raw disk image to S3, import it as a snapshot and register an AMI");
        options.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var verbose = parse.GetValue(global.Verbose);
            handlers.ConfigureLogging(LogLevels.Choose(parse.GetValue(global.LogLevel), verbose));
            var settings = UploadSettingsReader.ReadAws(parse, options, verbose);
            return await handlers.UploadAwsAsync(settings, cancellationToken);
        });
        return command;
    }
}
