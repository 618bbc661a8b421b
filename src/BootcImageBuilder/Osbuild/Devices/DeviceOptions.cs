using System.Text.Json.Serialization;

namespace BootcImageBuilder.Osbuild;

/// <summary>The <c>options</c> of a <see cref="Device"/>.</summary>
[JsonDerivedType(typeof(LoopbackDeviceOptions))]
[JsonDerivedType(typeof(Lvm2LvDeviceOptions))]
[JsonDerivedType(typeof(Luks2DeviceOptions))]
public abstract record DeviceOptions;
