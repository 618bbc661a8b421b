using System.Text.Json;
using System.Text.Json.Serialization;

namespace BootcImageBuilder.Blueprint;

/// <summary>
/// <c>[customizations]</c>. What bib applies is typed; what upstream accepts but bib never applies is kept as
/// validated raw JSON (<see cref="JsonElement"/>) so it can still be reported as "not supported".
/// Properties are in upstream's field order, which is the order support warnings are reported in.
/// </summary>
public sealed record Customizations
{
    [JsonPropertyName("hostname")]
    public string? Hostname { get; init; }

    [JsonPropertyName("kernel")]
    public KernelCustomization? Kernel { get; init; }

    [JsonPropertyName("sshkey")]
    public IReadOnlyList<SshKeyCustomization> SshKey { get; init => field = value ?? []; } = [];

    [JsonPropertyName("user")]
    public IReadOnlyList<UserCustomization> User { get; init => field = value ?? []; } = [];

    [JsonPropertyName("group")]
    public IReadOnlyList<GroupCustomization> Group { get; init => field = value ?? []; } = [];

    [JsonPropertyName("timezone")]
    public JsonElement? Timezone { get; init; }

    [JsonPropertyName("locale")]
    public JsonElement? Locale { get; init; }

    [JsonPropertyName("firewall")]
    public JsonElement? Firewall { get; init; }

    [JsonPropertyName("services")]
    public JsonElement? Services { get; init; }

    [JsonPropertyName("filesystem")]
    public IReadOnlyList<FilesystemCustomization> Filesystem { get; init => field = value ?? []; } = [];

    [JsonPropertyName("disk")]
    public DiskCustomization? Disk { get; init; }

    [JsonPropertyName("installation_device")]
    public string? InstallationDevice { get; init; }

    [JsonPropertyName("partitioning_mode")]
    public string? PartitioningMode { get; init; }

    [JsonPropertyName("fdo")]
    public JsonElement? Fdo { get; init; }

    [JsonPropertyName("openscap")]
    public JsonElement? OpenScap { get; init; }

    [JsonPropertyName("ignition")]
    public IgnitionCustomization? Ignition { get; init; }

    [JsonPropertyName("directories")]
    public IReadOnlyList<DirectoryCustomization> Directories { get; init => field = value ?? []; } = [];

    [JsonPropertyName("files")]
    public IReadOnlyList<FileCustomization> Files { get; init => field = value ?? []; } = [];

    [JsonPropertyName("repositories")]
    public JsonElement? Repositories { get; init; }

    [JsonPropertyName("fips")]
    public bool? Fips { get; init; }

    [JsonPropertyName("installer")]
    public InstallerCustomization? Installer { get; init; }

    [JsonPropertyName("rpm")]
    public JsonElement? Rpm { get; init; }

    [JsonPropertyName("rhsm")]
    public JsonElement? Rhsm { get; init; }

    [JsonPropertyName("cacerts")]
    public JsonElement? CaCerts { get; init; }

    [JsonPropertyName("containers-storage")]
    public JsonElement? ContainersStorage { get; init; }

    [JsonPropertyName("firstboot")]
    public JsonElement? Firstboot { get; init; }

    [JsonPropertyName("dnf")]
    public JsonElement? Dnf { get; init; }

    [JsonPropertyName("iso")]
    public IsoCustomization? Iso { get; init; }

    [JsonPropertyName("sshd")]
    public SshdCustomization? Sshd { get; init; }
}
