using BootcImageBuilder.Distro;

namespace BootcImageBuilder.Images.Kinds.Pxe;

/// <summary>pxe-tar-xz: one <see cref="BootcPxeImage"/> manifest; bib exports its <c>bootc-pxe-tree</c> directory.</summary>
public sealed class PxeImageKind() : RecipeImageKind<BootcPxeImageInput>(ImageKind.Pxe, BootcPxeImageInput.From, BootcPxeImage.Generate);
