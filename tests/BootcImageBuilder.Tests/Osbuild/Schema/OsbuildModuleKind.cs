namespace BootcImageBuilder.Tests.Osbuild.Schema;

/// <summary>The kinds of osbuild modules that carry a schema, named by their directory.</summary>
public enum OsbuildModuleKind
{
    Stage,
    Source,
    Input,
    Device,
    Mount,
}

public static class OsbuildModuleKindExtensions
{
    public static string DirectoryName(this OsbuildModuleKind kind) => kind switch
    {
        OsbuildModuleKind.Stage => "stages",
        OsbuildModuleKind.Source => "sources",
        OsbuildModuleKind.Input => "inputs",
        OsbuildModuleKind.Device => "devices",
        OsbuildModuleKind.Mount => "mounts",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
