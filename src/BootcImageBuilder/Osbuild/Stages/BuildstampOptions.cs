namespace BootcImageBuilder.Osbuild;

/// <summary><c>org.osbuild.buildstamp</c>: the installer's <c>/.buildstamp</c>; every key is always written.</summary>
public sealed record BuildstampOptions(string Arch, string Product, string Version, bool Final, string Variant, string Bugurl)
    : StageOptions("org.osbuild.buildstamp");
