using Tomlyn.Model;
using Tomlyn.Serialization;

namespace BootcImageBuilder.Blueprint;

/// <summary>Source-generated (NativeAOT-safe) Tomlyn metadata for reading a TOML document as a generic table.</summary>
[TomlSerializable(typeof(TomlTable))]
internal sealed partial class TomlModelContext : TomlSerializerContext
{
}
