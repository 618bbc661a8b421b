namespace BootcImageBuilder.Distro;

/// <summary>
/// The raw disk, named <paramref name="DiskName"/>, in a tar archive of format <paramref name="Format"/> packed in
/// the buildroot (the GCE tarball). The archive keeps its row's file name whatever was requested.
/// </summary>
public sealed record TarballConversion(string Format, string DiskName) : DiskConversion
{
    public override bool NamedByRequest => false;

    public bool? Acls { get; init; }

    public bool? Selinux { get; init; }

    public bool? Xattrs { get; init; }

    /// <summary>osbuild's <c>root-node</c>, e.g. <c>omit</c>.</summary>
    public string? RootNode { get; init; }
}
