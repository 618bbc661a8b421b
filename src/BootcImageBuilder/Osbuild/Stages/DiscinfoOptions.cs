namespace BootcImageBuilder.Osbuild;

/// <summary><c>org.osbuild.discinfo</c>: the ISO's <c>.discinfo</c> file.</summary>
public sealed record DiscinfoOptions(string Basearch, string Release)
    : StageOptions("org.osbuild.discinfo");
