namespace BootcImageBuilder.Osbuild;

/// <summary><c>org.osbuild.btrfs.subvol</c>: create subvolumes (names like <c>/root</c>) on the mounted volume.</summary>
public sealed record BtrfsSubvolOptions(IReadOnlyList<BtrfsSubvolume> Subvolumes)
    : StageOptions("org.osbuild.btrfs.subvol");

/// <summary>A subvolume of <see cref="BtrfsSubvolOptions"/>.</summary>
public sealed record BtrfsSubvolume(string Name);
