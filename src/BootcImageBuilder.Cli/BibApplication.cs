using System.CommandLine;
using System.CommandLine.Parsing;
using BootcImageBuilder.Cli.Commands;
using BootcImageBuilder.Cli.Completion;

namespace BootcImageBuilder.Cli;

/// <summary>Parses argv, runs the chosen command, and turns every failure into one <c>error:</c> line and exit 1.</summary>
internal static class BibApplication
{
    public static async Task<int> RunAsync(
        IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        try
        {
            var handlers = new CommandHandlers(stdout, stderr);
            var commandLine = new BibCommandLine(handlers);
            if (args.Count > 0 && args[0] == CommandLineCompleter.CommandName)
            {
                foreach (var candidate in CommandLineCompleter.Complete([.. args.Skip(1)], commandLine.Root))
                {
                    await stdout.WriteLineAsync(candidate);
                }

                return 0;
            }

            var normalized = BoolFlagValues.Normalize(ImplicitBuild.Normalize(args, commandLine.Root), commandLine.Root);
            var parse = commandLine.Parse(normalized);
            if (parse.Errors.Count > 0)
            {
                throw new BibException(DescribeFirstError(parse));
            }

            var invocation = new InvocationConfiguration
            {
                Output = stdout,
                Error = stderr,
                EnableDefaultExceptionHandler = false,
            };
            return await parse.InvokeAsync(invocation, cancellationToken);
        }
#pragma warning disable CA1031 // Every failure, expected or not, must end as one error line and exit 1.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return ErrorReporter.Report(stderr, FailureText.AsReported(e, cancellationToken), DateTime.Now);
        }
        finally
        {
            await Serilog.Log.CloseAndFlushAsync();
        }
    }

    /// <summary>Cobra's wording for the mistakes people make most; System.CommandLine's for the rest.</summary>
    private static string DescribeFirstError(ParseResult parse)
    {
        var unknownFlag = parse.UnmatchedTokens.FirstOrDefault(t => t.StartsWith('-') && t.Length > 1);
        if (unknownFlag is not null)
        {
            return unknownFlag.StartsWith("--", StringComparison.Ordinal)
                ? $"unknown flag: {unknownFlag.Split('=')[0]}"
                : $"unknown shorthand flag: '{unknownFlag[1]}' in {unknownFlag}";
        }

        var error = parse.Errors[0];
        if (error.SymbolResult is OptionResult { Tokens.Count: 0 } option && option.Option.ValueType != typeof(bool))
        {
            return $"flag needs an argument: {option.Option.Name}";
        }

        return error.Message;
    }
}
