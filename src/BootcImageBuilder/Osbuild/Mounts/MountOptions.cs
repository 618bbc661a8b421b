using System.Text.Json.Serialization;

namespace BootcImageBuilder.Osbuild;

/// <summary>The <c>options</c> of a <see cref="Mount"/>.</summary>
[JsonDerivedType(typeof(BtrfsMountOptions))]
[JsonDerivedType(typeof(BindMountOptions))]
[JsonDerivedType(typeof(OstreeDeploymentMountOptions))]
public abstract record MountOptions;

/// <summary>Subvolume and compression of an <c>org.osbuild.btrfs</c> mount.</summary>
public sealed record BtrfsMountOptions(string? Subvol = null, string? Compress = null) : MountOptions;

/// <summary>Source of an <c>org.osbuild.bind</c> mount.</summary>
public sealed record BindMountOptions(string? Source) : MountOptions;
