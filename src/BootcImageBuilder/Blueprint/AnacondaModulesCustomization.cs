using System.Text.Json.Serialization;

namespace BootcImageBuilder.Blueprint;

/// <summary><c>[customizations.installer.modules]</c>: Anaconda modules to enable or disable.</summary>
public sealed record AnacondaModulesCustomization
{
    [JsonPropertyName("enable")]
    public IReadOnlyList<string> Enable { get; init => field = value ?? []; } = [];

    [JsonPropertyName("disable")]
    public IReadOnlyList<string> Disable { get; init => field = value ?? []; } = [];
}
