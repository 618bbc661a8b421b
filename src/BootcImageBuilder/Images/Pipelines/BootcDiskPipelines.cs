namespace BootcImageBuilder.Images.Pipelines;

/// <summary>
/// The pipeline names every bootc disk manifest starts with, in the order they appear; the format pipelines after
/// them are named by <c>imagetypes.yaml</c> (each disk format's export, see <see cref="FormatPipelines"/>).
/// </summary>
public static class BootcDiskPipelines
{
    public const string Target = "target";
    public const string Build = "build";
    public const string Image = "image";
}
