using YamlDotNet.Serialization;

namespace BootcImageBuilder.Distro.Defs;

/// <summary>
/// The source-generated YamlDotNet context for every file under <c>data/defs</c>: the distro package-set files and
/// the embedded <c>bootc-generic/imagetypes.yaml</c>.
/// Generated code instead of reflection keeps NativeAOT publishing free of trim warnings; a new file shape adds its
/// types here.
/// </summary>
[YamlStaticContext]
[YamlSerializable(typeof(ImageDefYaml))]
[YamlSerializable(typeof(ImageTypesYaml))]
[YamlSerializable(typeof(ImageTypeYaml))]
[YamlSerializable(typeof(DiskConversionYaml))]
[YamlSerializable(typeof(QemuConversionYaml))]
[YamlSerializable(typeof(OvaConversionYaml))]
[YamlSerializable(typeof(TarballConversionYaml))]
[YamlSerializable(typeof(SkippedYamlSection))]
public partial class DefsYamlContext : StaticContext
{
}
