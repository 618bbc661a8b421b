using YamlDotNet.Serialization;

namespace BootcImageBuilder.Data.Defs;

/// <summary>
/// The source-generated YamlDotNet context for every file under <c>data/defs</c>: the distro package-set files.
/// Generated code instead of reflection keeps NativeAOT publishing free of trim warnings; a new file shape adds its
/// types here.
/// </summary>
[YamlStaticContext]
[YamlSerializable(typeof(ImageDefYaml))]
public partial class DefsYamlContext : StaticContext
{
}
