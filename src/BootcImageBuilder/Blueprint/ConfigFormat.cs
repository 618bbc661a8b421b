namespace BootcImageBuilder.Blueprint;

/// <summary>The syntax a blueprint is written in.</summary>
public enum ConfigFormat
{
    Toml,
    Json,
}
