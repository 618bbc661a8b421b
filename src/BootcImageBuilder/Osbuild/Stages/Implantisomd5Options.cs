namespace BootcImageBuilder.Osbuild;

/// <summary><c>org.osbuild.implantisomd5</c>: implant the ISO's MD5 checksum for media checks.</summary>
public sealed record Implantisomd5Options(string Filename)
    : StageOptions("org.osbuild.implantisomd5");
