using System.Text.Json.Serialization;

namespace BootcImageBuilder.Osbuild;

/// <summary><c>org.osbuild.lvm2.lv</c>: the logical volume <paramref name="Volume"/> of the parent device's volume group.</summary>
public sealed record Lvm2LvDeviceOptions(
    string Volume,
    [property: JsonPropertyName("vg_partnum")] int? VgPartnum = null) : DeviceOptions;
