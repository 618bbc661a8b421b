using Serilog.Events;

namespace BootcImageBuilder.Cli.Logging;

/// <summary>Maps logrus level names (what <c>--log-level</c> takes upstream) to Serilog levels and back.</summary>
internal static class LogLevels
{
    public static LogEventLevel Parse(string value) => value.ToLowerInvariant() switch
    {
        "panic" or "fatal" => LogEventLevel.Fatal,
        "error" => LogEventLevel.Error,
        "warn" or "warning" => LogEventLevel.Warning,
        "info" => LogEventLevel.Information,
        "debug" => LogEventLevel.Debug,
        "trace" => LogEventLevel.Verbose,
        _ => throw new BibException($"not a valid logrus Level: \"{value}\""),
    };

    public static string LogrusName(LogEventLevel level) => level switch
    {
        LogEventLevel.Fatal => "fatal",
        LogEventLevel.Error => "error",
        LogEventLevel.Warning => "warning",
        LogEventLevel.Information => "info",
        LogEventLevel.Debug => "debug",
        _ => "trace",
    };

    /// <summary>Upstream's rule: <c>--log-level</c> wins, else <c>-v</c> means info, else error.</summary>
    public static LogEventLevel Choose(string? logLevel, bool verbose) =>
        !string.IsNullOrEmpty(logLevel) ? Parse(logLevel)
        : verbose ? LogEventLevel.Information
        : LogEventLevel.Error;
}
