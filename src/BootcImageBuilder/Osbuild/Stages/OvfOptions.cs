namespace BootcImageBuilder.Osbuild;

/// <summary><c>org.osbuild.ovf</c>: write the .ovf descriptor and .mf manifest for a vmdk in the tree.</summary>
public sealed record OvfOptions(string Vmdk, OvfVmwareOptions? Vmware = null, OvfVirtualboxOptions? Virtualbox = null)
    : StageOptions("org.osbuild.ovf");

/// <summary>VMware specifics of <see cref="OvfOptions"/>.</summary>
public sealed record OvfVmwareOptions([property: System.Text.Json.Serialization.JsonPropertyName("os_type")] string? OsType = null);

/// <summary>VirtualBox specifics of <see cref="OvfOptions"/>.</summary>
public sealed record OvfVirtualboxOptions([property: System.Text.Json.Serialization.JsonPropertyName("mac_address")] string MacAddress);
