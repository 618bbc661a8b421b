namespace BootcImageBuilder.Tests.Osbuild.Schema;

/// <summary>One validation failure: where (a slash path such as <c>pipelines/1/stages/0/options</c>) and what.</summary>
public sealed record SchemaValidationError(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
