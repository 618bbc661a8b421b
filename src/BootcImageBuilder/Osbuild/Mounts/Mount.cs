namespace BootcImageBuilder.Osbuild;

/// <summary>
/// A stage mount. <paramref name="Source"/> names a device of the same stage, <paramref name="Partition"/> is the
/// 1-based partition on it; names derive from the mountpoint (<c>/</c> is <c>-</c>, <c>/boot/efi</c> is <c>boot-efi</c>).
/// </summary>
public sealed record Mount(
    string Name,
    string Type,
    string? Source = null,
    string? Target = null,
    MountOptions? Options = null,
    int? Partition = null)
{
    public static Mount Ext4(string name, string source, string target, int? partition = null) =>
        new(name, "org.osbuild.ext4", source, target, null, partition);

    public static Mount Xfs(string name, string source, string target, int? partition = null) =>
        new(name, "org.osbuild.xfs", source, target, null, partition);

    public static Mount Fat(string name, string source, string target, int? partition = null) =>
        new(name, "org.osbuild.fat", source, target, null, partition);

    /// <summary>A btrfs mount; upstream always writes its options, as <c>{}</c> when empty.</summary>
    public static Mount Btrfs(string name, string source, string target, BtrfsMountOptions options, int? partition = null) =>
        new(name, "org.osbuild.btrfs", source, target, options, partition);

    /// <summary>The booted (default) ostree deployment found below the other mounts.</summary>
    public static Mount OstreeDefaultDeployment(string name = "ostree.deployment") =>
        new(name, "org.osbuild.ostree.deployment", Options: new OstreeDeploymentMountOptions(
            new OstreeDeployment(Default: true), Source: "mount"));

    /// <summary>Binds <paramref name="source"/> (<c>mount://…</c>) onto <paramref name="target"/> (<c>tree://…</c>).</summary>
    public static Mount Bind(string name, string source, string target) =>
        new(name, "org.osbuild.bind", Target: target, Options: new BindMountOptions(source));
}
