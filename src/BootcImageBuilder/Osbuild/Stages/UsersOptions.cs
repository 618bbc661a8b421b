using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace BootcImageBuilder.Osbuild;

/// <summary><c>org.osbuild.users</c>: create or modify user accounts (keyed by name).</summary>
public sealed record UsersOptions(ImmutableSortedDictionary<string, UserEntry> Users)
    : StageOptions("org.osbuild.users");

/// <summary>A user of <see cref="UsersOptions"/>; <paramref name="Password"/> is a crypt(3) hash.</summary>
public sealed record UserEntry(
    long? Uid = null,
    long? Gid = null,
    IReadOnlyList<string>? Groups = null,
    string? Description = null,
    string? Home = null,
    string? Shell = null,
    string? Password = null,
    string? Key = null,
    [property: JsonPropertyName("expiredate")] int? ExpireDate = null,
    [property: JsonPropertyName("force_password_reset")] bool? ForcePasswordReset = null);
