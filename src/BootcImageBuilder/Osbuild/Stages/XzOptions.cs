namespace BootcImageBuilder.Osbuild;

/// <summary><c>org.osbuild.xz</c>: compress the single file given as input <c>file</c> into <paramref name="Filename"/>.</summary>
public sealed record XzOptions(string Filename)
    : StageOptions("org.osbuild.xz");
