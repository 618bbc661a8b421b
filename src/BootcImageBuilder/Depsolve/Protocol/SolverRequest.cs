using System.Text.Json.Serialization;

namespace BootcImageBuilder.Depsolve.Protocol;

/// <summary>An <c>osbuild-depsolve-dnf</c> API v2 request, field for field as upstream sends it.</summary>
internal sealed record SolverRequest
{
    [JsonPropertyName("api_version")]
    public int ApiVersion { get; init; } = 2;

    [JsonPropertyName("command")]
    public string Command { get; init; } = "depsolve";

    [JsonPropertyName("module_platform_id")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public string? ModulePlatformId { get; init; }

    [JsonPropertyName("releasever")]
    public required string ReleaseVersion { get; init; }

    [JsonPropertyName("arch")]
    public required string Arch { get; init; }

    [JsonPropertyName("cachedir")]
    public required string CacheDirectory { get; init; }

    [JsonPropertyName("arguments")]
    public required SolverArguments Arguments { get; init; }
}
