namespace BootcImageBuilder.Osbuild;

/// <summary>
/// <c>org.osbuild.lorax-script</c>: run a lorax template from the build root's template package.
/// <paramref name="Product"/> and <paramref name="Branding"/> are always written, empty as upstream leaves them.
/// </summary>
public sealed record LoraxScriptOptions(string Path, string Basearch, IsoProduct Product, LoraxBranding Branding)
    : StageOptions("org.osbuild.lorax-script");

/// <summary>The release and logos packages lorax templates brand the installer with.</summary>
public sealed record LoraxBranding(string Release, string Logos);
