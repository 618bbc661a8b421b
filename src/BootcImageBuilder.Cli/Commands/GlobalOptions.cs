using System.CommandLine;

namespace BootcImageBuilder.Cli.Commands;

/// <summary>Upstream's persistent root flags, valid before or after any subcommand.</summary>
internal sealed class GlobalOptions
{
    public Option<string> LogLevel { get; } = new("--log-level")
    {
        Description = "logging level (debug, info, error); default error",
        Recursive = true,
    };

    public Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "Switch to verbose mode",
        Recursive = true,
    };
}
