using System.CommandLine;
using BootcImageBuilder.Cli.Logging;
using BootcImageBuilder.Cli.Settings;

namespace BootcImageBuilder.Cli.Commands;

/// <summary><c>upload gce --project P --bucket B --image-name N FILE</c>: a <c>gce</c> archive made into a Compute Engine image.</summary>
internal sealed class UploadGceCommand(GlobalOptions global, ICommandHandlers handlers)
{
    private readonly Option<string> _project = new("--project") { Description = "Google Cloud project to create the image in" };
    private readonly Option<string> _bucket = new("--bucket") { Description = "Cloud Storage bucket for the intermediate upload" };
    private readonly Option<string> _imageName = new("--image-name") { Description = "name for the image in Compute Engine" };

    private readonly Option<string> _progress = new("--progress")
    {
        Description = "type of progress bar to use (e.g. verbose,term,json)",
        DefaultValueFactory = _ => "auto",
    };

    private readonly Argument<string[]> _file = new("FILE") { Arity = ArgumentArity.ZeroOrMore, Description = "the gce image archive (image.tar.gz)" };

    public Command Create()
    {
        var command = new Command("gce", "Create a Google Compute Engine image from a gce archive (image.tar.gz)");
        foreach (var option in new Option[] { _project, _bucket, _imageName, _progress })
        {
            command.Options.Add(option);
        }

        command.Arguments.Add(_file);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var verbose = parse.GetValue(global.Verbose);
            handlers.ConfigureLogging(LogLevels.Choose(parse.GetValue(global.LogLevel), verbose));
            return await handlers.UploadGceAsync(Read(parse, verbose), cancellationToken);
        });
        return command;
    }

    private UploadGceSettings Read(ParseResult parse, bool verbose)
    {
        var files = parse.GetValue(_file) ?? [];
        if (files.FirstOrDefault(f => f.StartsWith("--", StringComparison.Ordinal)) is { } unknownFlag)
        {
            throw new BibException($"unknown flag: {unknownFlag.Split('=')[0]}");
        }

        var flags = new (string Name, string? Value)[]
        {
            ("bucket", parse.GetValue(_bucket)), ("image-name", parse.GetValue(_imageName)), ("project", parse.GetValue(_project)),
        };
        FlagGroup.RequireAll(flags);

        if (files.Length != 1)
        {
            throw new BibException($"accepts 1 arg(s), received {files.Length}");
        }

        var progress = ProgressModes.Read(parse.GetValue(_progress), verbose);

        var gce = GceUploadSettings.Create(parse.GetValue(_project)!, parse.GetValue(_bucket)!, parse.GetValue(_imageName)!);
        return new UploadGceSettings(gce, files[0], progress);
    }
}
