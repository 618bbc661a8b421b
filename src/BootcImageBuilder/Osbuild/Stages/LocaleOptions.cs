namespace BootcImageBuilder.Osbuild;

/// <summary><c>org.osbuild.locale</c>: the system language, e.g. <c>C.UTF-8</c>.</summary>
public sealed record LocaleOptions(string Language)
    : StageOptions("org.osbuild.locale");
