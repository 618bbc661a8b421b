namespace BootcImageBuilder.Osbuild;

/// <summary><c>org.osbuild.ignition</c>: prepare a first-boot ignition run (network config URLs, target such as <c>mount://boot/</c>).</summary>
public sealed record IgnitionOptions(IReadOnlyList<string>? Network = null, string? Target = null)
    : StageOptions("org.osbuild.ignition");
