namespace BootcImageBuilder.Cli.Settings;

/// <summary>
/// Whether osbuild keeps pipeline trees in the store for later builds (beyond upstream, which keeps none).
/// <c>auto</c> keeps them when the store outlives the build; <c>always</c> and <c>never</c> decide for the user.
/// </summary>
internal enum CheckpointMode
{
    Auto,
    Always,
    Never,
}

internal static class CheckpointModes
{
    public static CheckpointMode Parse(string value) => value switch
    {
        "auto" => CheckpointMode.Auto,
        "always" => CheckpointMode.Always,
        "never" => CheckpointMode.Never,
        _ => throw new BibException($"cannot use checkpoints: unknown mode \"{value}\" (auto, always or never)"),
    };
}
