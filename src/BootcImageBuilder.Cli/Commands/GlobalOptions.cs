using System.CommandLine;
using BootcImageBuilder.Cli.Completion;

namespace BootcImageBuilder.Cli.Commands;

/// <summary>Upstream's persistent root flags, valid before or after any subcommand.</summary>
internal sealed class GlobalOptions
{
    public Option<string> LogLevel { get; } = new Option<string>("--log-level")
    {
        Description = "logging level (debug, info, error); default error",
        Recursive = true,
    }.CompletingWith("panic", "fatal", "error", "warn", "info", "debug", "trace");

    public Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "Switch to verbose mode",
        Recursive = true,
    };
}
