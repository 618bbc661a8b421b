using System.CommandLine;
using BootcImageBuilder.Cli.Commands;
using BootcImageBuilder.Upload.Aws;

namespace BootcImageBuilder.Cli.Settings;

/// <summary>Turns <c>upload</c>'s parse result into validated settings; every mistake is one user error.</summary>
internal static class UploadSettingsReader
{
    public static AwsUploadCommandSettings ReadAws(ParseResult parse, AwsUploadOptions options, bool verbose)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(options);
        var file = SettingsReader.SingleArgument(parse.GetValue(options.File) ?? []);
        var required = new (string Name, string? Value)[]
        {
            ("ami-name", parse.GetValue(options.AmiName)),
            ("bucket", parse.GetValue(options.Bucket)),
            ("region", parse.GetValue(options.Region)),
        };
        FlagGroup.RequireAll(required);

        var arch = parse.GetValue(options.TargetArch) is { Length: > 0 } name ? Arch.Parse(name) : Arch.Current;
        var target = new AmiTarget(required[2].Value!, required[1].Value!, required[0].Value!, arch);
        var progress = ProgressModes.Read(parse.GetValue(options.Progress), verbose);

        // The file is checked by the command, where a refusal is also an error event.
        return new AwsUploadCommandSettings(file, target, progress);
    }
}
