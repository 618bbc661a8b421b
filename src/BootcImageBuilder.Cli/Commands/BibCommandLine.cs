using System.CommandLine;
using System.CommandLine.Help;
using BootcImageBuilder.Cli.Completion;
using BootcImageBuilder.Cli.Logging;
using BootcImageBuilder.Cli.Settings;

namespace BootcImageBuilder.Cli.Commands;

/// <summary>
/// The command tree: <c>build</c> (default), <c>manifest</c>, <c>version</c>, with upstream's flags,
/// <c>completion</c> (cobra's default command upstream), and <c>upload</c>.
/// </summary>
internal sealed class BibCommandLine
{
    private const string LongDescription = "Create a bootable image from an ostree native container";

    private readonly GlobalOptions _global = new();
    private readonly BuildOptions _build = new();
    private readonly ManifestOptions _manifest = new();
    private readonly ICommandHandlers _handlers;

    public BibCommandLine(ICommandHandlers handlers)
    {
        _handlers = handlers;
        Root = new RootCommand(LongDescription);
        foreach (var builtInVersion in Root.Options.OfType<VersionOption>().ToList())
        {
            // Our --version lives on build/manifest and prints upstream's three-line text.
            Root.Options.Remove(builtInVersion);
        }

        Root.Options.Add(_global.LogLevel);
        Root.Options.Add(_global.Verbose);
        Root.Subcommands.Add(CreateBuildCommand());
        Root.Subcommands.Add(CreateManifestCommand());
        Root.Subcommands.Add(CreateVersionCommand());
        Root.Subcommands.Add(CreateCompletionCommand());
        Root.Subcommands.Add(UploadCommand.Create(_global, handlers));
    }

    public RootCommand Root { get; }

    /// <summary>Parses <paramref name="args"/>; when they ask for help, first gives the flags the descriptions that cost work to write.</summary>
    public ParseResult Parse(IReadOnlyList<string> args)
    {
        var parse = Root.Parse(args);
        if (parse.Action is HelpAction)
        {
            foreach (var options in new[] { _build.Manifest, _manifest }.Where(o => parse.CommandResult.Command.Options.Contains(o.Type)))
            {
                options.DescribeImageTypes();
            }
        }

        return parse;
    }

    private Command CreateBuildCommand()
    {
        var command = new Command("build", LongDescription + " (default command)\n(default action if no command is given)");
        _build.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(_build.Manifest.Version))
            {
                return await _handlers.PrintVersionAsync(cancellationToken);
            }

            var verbose = parse.GetValue(_global.Verbose);
            _handlers.ConfigureLogging(LogLevels.Choose(parse.GetValue(_global.LogLevel), verbose));
            var settings = SettingsReader.ReadBuild(parse, _build, verbose, _handlers.Warn);
            return await _handlers.BuildAsync(settings, cancellationToken);
        });
        return command;
    }

    private Command CreateManifestCommand()
    {
        var command = new Command("manifest", "Only create the manifest but don't build the image.");
        _manifest.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(_manifest.Version))
            {
                return await _handlers.PrintVersionAsync(cancellationToken);
            }

            _handlers.ConfigureLogging(LogLevels.Choose(parse.GetValue(_global.LogLevel), parse.GetValue(_global.Verbose)));
            var settings = SettingsReader.ReadManifest(parse, _manifest, "cannot generate manifest", _handlers.Warn);
            return await _handlers.ManifestAsync(settings, cancellationToken);
        });
        return command;
    }

    private Command CreateVersionCommand()
    {
        var command = new Command("version", "Show the version and quit");
        // Upstream ignores any extra words after "version".
        command.Arguments.Add(new Argument<string[]>("ignored") { Arity = ArgumentArity.ZeroOrMore, Hidden = true });
        command.SetAction((_, cancellationToken) => _handlers.PrintVersionAsync(cancellationToken));
        return command;
    }

    private static Command CreateCompletionCommand()
    {
        var shell = new Argument<string>("shell") { Description = string.Join(", ", CompletionScripts.Shells) };
        shell.CompletionSources.Add([.. CompletionScripts.Shells]);
        shell.Validators.Add(result =>
        {
            var name = result.GetValueOrDefault<string>();
            if (!CompletionScripts.Shells.Contains(name))
            {
                result.AddError($"unsupported shell \"{name}\" (one of {string.Join(", ", CompletionScripts.Shells)})");
            }
        });
        var command = new Command("completion", "Generate the autocompletion script for the specified shell");
        command.Arguments.Add(shell);
        command.SetAction(async (parse, cancellationToken) =>
        {
            await parse.InvocationConfiguration.Output.WriteAsync(CompletionScripts.For(parse.GetRequiredValue(shell)).AsMemory(), cancellationToken);
            return 0;
        });
        return command;
    }
}
