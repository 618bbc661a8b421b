namespace BootcImageBuilder.Cli.Settings;

/// <summary>How build progress is shown. <c>json</c> goes beyond upstream: one JSON event per line on stdout.</summary>
internal enum ProgressMode
{
    Auto,
    Term,
    Verbose,
    Debug,
    Json,
}

internal static class ProgressModes
{
    /// <summary>The <c>--progress</c> value; <c>-v</c> turns <c>auto</c> into <c>verbose</c>, as upstream.</summary>
    public static ProgressMode Read(string? value, bool verbose)
    {
        var mode = Parse(value ?? "auto");
        return verbose && mode == ProgressMode.Auto ? ProgressMode.Verbose : mode;
    }

    public static ProgressMode Parse(string value) => value switch
    {
        "auto" => ProgressMode.Auto,
        "term" => ProgressMode.Term,
        "verbose" => ProgressMode.Verbose,
        "debug" => ProgressMode.Debug,
        "json" => ProgressMode.Json,
        // Upstream's text reads "cannto create progress bar"; we spell it right (README, Differences).
        _ => throw new BibException($"cannot create progress bar: unknown progress type: \"{value}\""),
    };
}
