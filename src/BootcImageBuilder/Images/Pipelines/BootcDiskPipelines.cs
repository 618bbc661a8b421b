namespace BootcImageBuilder.Images.Pipelines;

/// <summary>The pipeline names of a bootc disk manifest, in the order they appear.</summary>
public static class BootcDiskPipelines
{
    public const string Target = "target";
    public const string Build = "build";
    public const string Image = "image";
    public const string Qcow2 = "qcow2";
    public const string Vmdk = "vmdk";
    public const string Vpc = "vpc";
    public const string Ovf = "ovf";
    public const string Archive = "archive";
    public const string Gce = "gce";
}
