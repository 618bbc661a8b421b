namespace BootcImageBuilder.Distro.Defs;

/// <summary>The raw disk in a tar archive, with the <c>org.osbuild.tar</c> options that shape it.</summary>
public sealed class TarballConversionYaml
{
    /// <summary>The tar format, e.g. <c>oldgnu</c>.</summary>
    public string Format { get; set; } = "";

    /// <summary>The name the raw disk has inside the archive.</summary>
    public string DiskName { get; set; } = "";

    public bool? Acls { get; set; }

    public bool? Selinux { get; set; }

    public bool? Xattrs { get; set; }

    public string? RootNode { get; set; }
}
