using System.Text.Json.Serialization;

namespace BootcImageBuilder.Osbuild;

/// <summary>
/// The typed <c>options</c> of one stage type; each subclass names its stage type and uses the
/// stage schema's JSON keys. Build a <see cref="Stage"/> from it with <see cref="Stage.Of"/>.
/// </summary>
[JsonDerivedType(typeof(BootcInstallToFilesystemOptions))]
[JsonDerivedType(typeof(BtrfsSubvolOptions))]
[JsonDerivedType(typeof(ChmodOptions))]
[JsonDerivedType(typeof(ChownOptions))]
[JsonDerivedType(typeof(ClevisLuksBindOptions))]
[JsonDerivedType(typeof(ContainerDeployOptions))]
[JsonDerivedType(typeof(CopyOptions))]
[JsonDerivedType(typeof(FstabOptions))]
[JsonDerivedType(typeof(GroupsOptions))]
[JsonDerivedType(typeof(IgnitionOptions))]
[JsonDerivedType(typeof(Luks2FormatOptions))]
[JsonDerivedType(typeof(Luks2RemoveKeyOptions))]
[JsonDerivedType(typeof(Lvm2CreateOptions))]
[JsonDerivedType(typeof(Lvm2MetadataOptions))]
[JsonDerivedType(typeof(MkdirOptions))]
[JsonDerivedType(typeof(MkfsBtrfsOptions))]
[JsonDerivedType(typeof(MkfsExt4Options))]
[JsonDerivedType(typeof(MkfsFatOptions))]
[JsonDerivedType(typeof(MkfsXfsOptions))]
[JsonDerivedType(typeof(MkswapOptions))]
[JsonDerivedType(typeof(OstreeGrub2Options))]
[JsonDerivedType(typeof(OvfOptions))]
[JsonDerivedType(typeof(QemuOptions))]
[JsonDerivedType(typeof(SelinuxOptions))]
[JsonDerivedType(typeof(SfdiskOptions))]
[JsonDerivedType(typeof(SquashfsOptions))]
[JsonDerivedType(typeof(SystemdOptions))]
[JsonDerivedType(typeof(SystemdUnitCreateOptions))]
[JsonDerivedType(typeof(TarOptions))]
[JsonDerivedType(typeof(TruncateOptions))]
[JsonDerivedType(typeof(UsersOptions))]
[JsonDerivedType(typeof(WriteDeviceOptions))]
[JsonDerivedType(typeof(XzOptions))]
public abstract record StageOptions([property: JsonIgnore] string StageType);
