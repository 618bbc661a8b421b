using System.Text.Json.Serialization;

namespace BootcImageBuilder.Blueprint;

/// <summary><c>[[customizations.user]]</c>: a user account to create.</summary>
public sealed record UserCustomization
{
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>Plain text or already crypted (<c>$6$…</c>). A secret: never printed.</summary>
    [JsonPropertyName("password")]
    public string? Password { get; init; }

    /// <summary>An SSH public key for <c>authorized_keys</c>.</summary>
    [JsonPropertyName("key")]
    public string? Key { get; init; }

    [JsonPropertyName("home")]
    public string? Home { get; init; }

    [JsonPropertyName("shell")]
    public string? Shell { get; init; }

    [JsonPropertyName("groups")]
    public IReadOnlyList<string> Groups { get; init => field = value ?? []; } = [];

    [JsonPropertyName("uid")]
    public long? Uid { get; init; }

    [JsonPropertyName("gid")]
    public long? Gid { get; init; }

    /// <summary>Account expiry, in days since the epoch.</summary>
    [JsonPropertyName("expiredate")]
    public long? ExpireDate { get; init; }

    [JsonPropertyName("force_password_reset")]
    public bool? ForcePasswordReset { get; init; }

    /// <summary>Keeps the password out of logs and assertion messages.</summary>
    public override string ToString() =>
        $"UserCustomization {{ Name = {Name}, Password = {(Password is null ? "null" : "***")}, Uid = {Uid}, Gid = {Gid} }}";
}
