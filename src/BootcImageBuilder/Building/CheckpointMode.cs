namespace BootcImageBuilder.Building;

/// <summary>
/// Whether osbuild keeps pipeline trees in the store for later builds (beyond upstream, which keeps none).
/// <c>auto</c> keeps them when the store outlives the build; <c>always</c> and <c>never</c> decide for the user.
/// </summary>
public enum CheckpointMode
{
    Auto,
    Always,
    Never,
}
