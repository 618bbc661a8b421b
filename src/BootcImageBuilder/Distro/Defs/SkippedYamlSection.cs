using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace BootcImageBuilder.Distro.Defs;

/// <summary>
/// A section of a defs file that another reader reads: the image-type reader steps over <c>partition_tables</c>,
/// which <see cref="Disk.BasePartitionTables"/> reads with the one partition-table reader, <see cref="Disk.DiskYaml"/>.
/// </summary>
public sealed class SkippedYamlSection
{
    /// <summary>Consumes the section's events unread.</summary>
    public sealed class Converter : IYamlTypeConverter
    {
        public bool Accepts(Type type) => type == typeof(SkippedYamlSection);

        public object? ReadYaml(IParser parser, Type type, ObjectDeserializer rootDeserializer)
        {
            parser.SkipThisAndNestedEvents();
            return new SkippedYamlSection();
        }

        public void WriteYaml(IEmitter emitter, object? value, Type type, ObjectSerializer serializer) =>
            throw new NotSupportedException("defs files are only read");
    }
}
