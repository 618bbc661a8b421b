using System.Text.Json.Serialization;

namespace BootcImageBuilder.Osbuild;

/// <summary>
/// <c>org.osbuild.bootc.install-to-filesystem</c>: run <c>bootc install to-filesystem</c> for the container
/// given as input <c>images</c> against the mounted target filesystems.
/// </summary>
/// <remarks>Key order as upstream: root-ssh-authorized-keys, kernel-args, target-imgref, bootloader, composefs.</remarks>
public sealed record BootcInstallToFilesystemOptions(
    [property: JsonPropertyName("target-imgref"), JsonPropertyOrder(1)] string TargetImgref,
    [property: JsonPropertyName("root-ssh-authorized-keys")] IReadOnlyList<string>? RootSshAuthorizedKeys = null,
    [property: JsonPropertyName("kernel-args")] IReadOnlyList<string>? KernelArgs = null,
    [property: JsonPropertyOrder(2)] string? Bootloader = null,
    [property: JsonPropertyOrder(2)] bool? Composefs = null)
    : StageOptions("org.osbuild.bootc.install-to-filesystem");
