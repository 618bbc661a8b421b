using System.Text.Json.Serialization;

namespace BootcImageBuilder.Osbuild;

/// <summary>The sections of a unit created by <see cref="SystemdUnitCreateOptions"/>; JSON keys are systemd's section names.</summary>
/// <remarks>Upstream always writes <c>Unit</c>, as <c>null</c> when absent.</remarks>
public sealed record SystemdUnit(
    [property: JsonPropertyName("Unit"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] SystemdUnitSection? Unit,
    [property: JsonPropertyName("Service")] SystemdServiceSection? Service = null,
    [property: JsonPropertyName("Mount")] SystemdMountSection? Mount = null,
    [property: JsonPropertyName("Socket")] SystemdSocketSection? Socket = null,
    [property: JsonPropertyName("Swap")] SystemdSwapSection? Swap = null,
    [property: JsonPropertyName("Install")] SystemdInstallSection? Install = null);

/// <summary>The <c>[Unit]</c> section.</summary>
public sealed record SystemdUnitSection(
    [property: JsonPropertyName("Description")] string? Description = null,
    [property: JsonPropertyName("DefaultDependencies")] bool? DefaultDependencies = null,
    [property: JsonPropertyName("ConditionPathExists")] IReadOnlyList<string>? ConditionPathExists = null,
    [property: JsonPropertyName("ConditionPathIsDirectory")] IReadOnlyList<string>? ConditionPathIsDirectory = null,
    [property: JsonPropertyName("Requires")] IReadOnlyList<string>? Requires = null,
    [property: JsonPropertyName("Wants")] IReadOnlyList<string>? Wants = null,
    [property: JsonPropertyName("After")] IReadOnlyList<string>? After = null,
    [property: JsonPropertyName("Before")] IReadOnlyList<string>? Before = null);

/// <summary>The <c>[Service]</c> section.</summary>
public sealed record SystemdServiceSection(
    [property: JsonPropertyName("Type")] string? Type = null,
    [property: JsonPropertyName("RemainAfterExit"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool RemainAfterExit = false,
    [property: JsonPropertyName("ExecStartPre")] IReadOnlyList<string>? ExecStartPre = null,
    [property: JsonPropertyName("ExecStopPost")] IReadOnlyList<string>? ExecStopPost = null,
    [property: JsonPropertyName("ExecStart")] IReadOnlyList<string>? ExecStart = null,
    [property: JsonPropertyName("Environment")] IReadOnlyList<EnvironmentVariable>? Environment = null,
    [property: JsonPropertyName("EnvironmentFile")] IReadOnlyList<string>? EnvironmentFile = null,
    [property: JsonPropertyName("StandardOutput")] string? StandardOutput = null);

/// <summary>An <c>Environment=</c> entry of a service.</summary>
public sealed record EnvironmentVariable(string Key, string Value);

/// <summary>The <c>[Mount]</c> section.</summary>
public sealed record SystemdMountSection(
    [property: JsonPropertyName("What")] string What,
    [property: JsonPropertyName("Where")] string Where,
    [property: JsonPropertyName("Type")] string? Type = null,
    [property: JsonPropertyName("Options")] string? Options = null);

/// <summary>The <c>[Swap]</c> section.</summary>
public sealed record SystemdSwapSection(
    [property: JsonPropertyName("What")] string What,
    [property: JsonPropertyName("Priority")] int? Priority = null,
    [property: JsonPropertyName("Options")] string? Options = null,
    [property: JsonPropertyName("TimeoutSec")] string? TimeoutSec = null);

/// <summary>The <c>[Socket]</c> section.</summary>
public sealed record SystemdSocketSection(
    [property: JsonPropertyName("Service")] string? Service = null,
    [property: JsonPropertyName("ListenStream")] string? ListenStream = null,
    [property: JsonPropertyName("ListenDatagram")] string? ListenDatagram = null,
    [property: JsonPropertyName("ListenSequentialPacket")] string? ListenSequentialPacket = null,
    [property: JsonPropertyName("ListenFifo")] string? ListenFifo = null,
    [property: JsonPropertyName("SocketUser")] string? SocketUser = null,
    [property: JsonPropertyName("SocketGroup")] string? SocketGroup = null,
    [property: JsonPropertyName("SocketMode")] string? SocketMode = null,
    [property: JsonPropertyName("DirectoryMode")] string? DirectoryMode = null,
    [property: JsonPropertyName("Accept")] string? Accept = null,
    [property: JsonPropertyName("RuntimeDirectory")] string? RuntimeDirectory = null,
    [property: JsonPropertyName("RemoveOnStop")] string? RemoveOnStop = null);

/// <summary>The <c>[Install]</c> section.</summary>
public sealed record SystemdInstallSection(
    [property: JsonPropertyName("RequiredBy")] IReadOnlyList<string>? RequiredBy = null,
    [property: JsonPropertyName("WantedBy")] IReadOnlyList<string>? WantedBy = null);
