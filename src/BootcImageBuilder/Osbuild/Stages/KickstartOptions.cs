using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace BootcImageBuilder.Osbuild;

/// <summary><c>org.osbuild.kickstart</c>: write a kickstart file at <paramref name="Path"/> (the subset bootc installers use).</summary>
public sealed record KickstartOptions(string Path) : StageOptions("org.osbuild.kickstart")
{
    [JsonPropertyName("ostreecontainer")]
    public KickstartOstreeContainer? OstreeContainer { get; init; }

    public ImmutableSortedDictionary<string, UserEntry>? Users { get; init; }

    public ImmutableSortedDictionary<string, GroupEntry>? Groups { get; init; }

    public string? Lang { get; init; }

    public string? Keyboard { get; init; }

    public string? Timezone { get; init; }

    [JsonPropertyName("rootpw")]
    public KickstartRootPassword? RootPassword { get; init; }

    [JsonPropertyName("clearpart")]
    public KickstartClearPart? ClearPart { get; init; }

    public IReadOnlyList<KickstartNetwork>? Network { get; init; }

    public KickstartBootloader? Bootloader { get; init; }

    [JsonPropertyName("%post")]
    public IReadOnlyList<KickstartPost>? Post { get; init; }
}

/// <summary>The <c>ostreecontainer</c> command: install the container at <paramref name="Url"/>; every key is written.</summary>
public sealed record KickstartOstreeContainer(
    [property: JsonPropertyName("stateroot")] string StateRoot,
    string Url,
    string Transport,
    string Remote,
    [property: JsonPropertyName("signatureverification")] bool SignatureVerification);

/// <summary>The <c>rootpw</c> command.</summary>
public sealed record KickstartRootPassword(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool Lock = false,
    [property: JsonPropertyName("iscrypted"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool IsCrypted = false,
    string? Password = null);

/// <summary>The <c>clearpart</c> command.</summary>
public sealed record KickstartClearPart([property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool All = false);

/// <summary>One <c>network</c> command.</summary>
public sealed record KickstartNetwork(
    bool? Activate,
    [property: JsonPropertyName("bootproto")] string BootProto,
    string Device,
    [property: JsonPropertyName("onboot")] string OnBoot);

/// <summary>The <c>bootloader</c> command: kernel arguments for the installed system.</summary>
public sealed record KickstartBootloader(string Append);

/// <summary>A <c>%post</c> section.</summary>
public sealed record KickstartPost(
    [property: JsonPropertyName("erroronfail"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool ErrorOnFail,
    IReadOnlyList<string> Commands);
