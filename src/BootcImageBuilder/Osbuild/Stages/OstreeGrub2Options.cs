namespace BootcImageBuilder.Osbuild;

/// <summary>
/// <c>org.osbuild.ostree.grub2</c>: fill the <c>@OSTREE@</c> placeholder of the grub configuration
/// <paramref name="Filename"/> with the boot path of the deployment found in <paramref name="Source"/>
/// (a mount such as <c>mount://-/</c>, or the input tree).
/// </summary>
public sealed record OstreeGrub2Options(string Filename, string? Source = null)
    : StageOptions("org.osbuild.ostree.grub2");
