using BootcImageBuilder.Building;

namespace BootcImageBuilder.Cli.Settings;

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
