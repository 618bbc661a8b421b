using System.Text.Json.Serialization;

namespace BootcImageBuilder.Osbuild;

/// <summary>
/// <c>org.osbuild.loopback</c>: a loop device over <paramref name="Filename"/>, optionally limited to
/// <paramref name="Start"/>/<paramref name="Size"/> (in sectors). Zero/false values are left out as upstream does.
/// </summary>
public sealed record LoopbackDeviceOptions(
    string Filename,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] long Start = 0,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] long Size = 0,
    [property: JsonPropertyName("sector-size")] long? SectorSize = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool Lock = false,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool Partscan = false) : DeviceOptions;
