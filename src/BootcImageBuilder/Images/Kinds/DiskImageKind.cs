using BootcImageBuilder.Distro;

namespace BootcImageBuilder.Images.Kinds;

/// <summary>raw, ami, qcow2, vmdk, vhd, gce and ova: one <see cref="BootcDiskImage"/> manifest for all of them.</summary>
public sealed class DiskImageKind() : RecipeImageKind<BootcDiskImageInput>(ImageKind.Disk, BootcDiskImageInput.From, BootcDiskImage.Generate);
