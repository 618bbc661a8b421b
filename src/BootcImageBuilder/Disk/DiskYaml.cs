using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace BootcImageBuilder.Disk;

/// <summary>
/// Reads upstream's partition-table schema (sizes as numbers or <c>"1 GiB"</c>, payloads chosen by
/// <c>payload_type</c>, unknown keys refused): a container's disk.yaml, and the base tables of the embedded
/// <c>imagetypes.yaml</c> (<see cref="BasePartitionTables"/>). Reads the node tree, not reflection, to stay AOT-safe.
/// </summary>
public static class DiskYaml
{
    public static DiskYamlDocument Parse(string yamlText, string sourcePath)
    {
        ArgumentNullException.ThrowIfNull(yamlText);
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yamlText));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
            {
                return new DiskYamlDocument(null, null);
            }

            var root = Mapping(stream.Documents[0].RootNode, "disk definitions", "mount_configuration", "partition_table");
            return new DiskYamlDocument(
                Optional(root, "mount_configuration", node => (MountConfiguration?)MountConfigurationFrom(Text(node))),
                Optional(root, "partition_table", node => TableFrom(node, NoUntypedFilesystems)));
        }
        catch (Exception e) when (e is YamlException or FormatException or BibException or OverflowException)
        {
            throw new BibException($"cannot parse disk definitions from {PosixPath.Quote(sourcePath)}: {e.Message}", e);
        }
    }

    private static MountConfiguration MountConfigurationFrom(string name) => name switch
    {
        "fstab" => MountConfiguration.Fstab,
        "units" => MountConfiguration.Units,
        "none" => MountConfiguration.None,
        // Upstream's message for this case says "filesystem type"; kept verbatim.
        _ => throw new BibException($"unknown or unsupported filesystem type name: {name}"),
    };

    /// <summary>
    /// The partition table at <paramref name="node"/>; a filesystem without a type gets
    /// <paramref name="untypedFilesystem"/> of its mount point, or is refused where that gives null.
    /// </summary>
    /// <exception cref="BibException">The node is not a table of this schema.</exception>
    public static PartitionTable ReadPartitionTable(YamlNode node, Func<string?, FilesystemType?> untypedFilesystem)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(untypedFilesystem);
        return TableFrom(node, untypedFilesystem);
    }

    // A disk.yaml names every filesystem's type.
    private static FilesystemType? NoUntypedFilesystems(string? mountpoint) => null;

    private static PartitionTable TableFrom(YamlNode node, Func<string?, FilesystemType?> untyped)
    {
        var map = Mapping(node, "partition_table", "size", "uuid", "type", "partitions", "sector_size", "extra_padding", "start_offset");
        var type = Optional(map, "type", n => (PartitionTableType?)PartitionTableTypeNames.Parse(Text(n))) ?? PartitionTableType.Gpt;
        var partitions = Optional(map, "partitions", n => Sequence(n).Select(p => PartitionFrom(p, untyped)).ToList()) ?? [];
        return new PartitionTable(type, new ValueList<Partition>(partitions))
        {
            Size = Optional(map, "size", Size) ?? 0,
            Uuid = Optional(map, "uuid", Text),
            SectorSize = Optional(map, "sector_size", Number),
            ExtraPadding = Optional(map, "extra_padding", Size) ?? 0,
            StartOffset = Optional(map, "start_offset", Size) ?? 0,
        };
    }

    private static Partition PartitionFrom(YamlNode node, Func<string?, FilesystemType?> untyped)
    {
        var map = Mapping(node, "partition", "start", "size", "type", "bootable", "uuid", "label", "payload_type", "payload", "attrs");
        return new Partition
        {
            Start = Optional(map, "start", Number) ?? 0,
            Size = Optional(map, "size", Size) ?? 0,
            Type = Optional(map, "type", Text),
            Bootable = Optional(map, "bootable", n => (bool?)Bool(n)) ?? false,
            Uuid = Optional(map, "uuid", Text),
            Label = Optional(map, "label", Text),
            Payload = PayloadFrom(map, untyped),
            Attrs = new ValueList<uint>(Optional(map, "attrs", n => Sequence(n).Select(a => checked((uint)Number(a)!.Value)).ToList()) ?? []),
        };
    }

    private static PartitionPayload? PayloadFrom(YamlMappingNode holder, Func<string?, FilesystemType?> untyped)
    {
        var payloadType = Optional(holder, "payload_type", Text);
        var payload = Optional(holder, "payload", n => n);
        if (string.IsNullOrEmpty(payloadType))
        {
            return payload is null ? null : throw new BibException("cannot build payload: empty payload type but payload is set");
        }

        var body = payload ?? new YamlMappingNode();
        return payloadType switch
        {
            "filesystem" => FilesystemFrom(body, untyped),
            "swap" => SwapFrom(body),
            "lvm" => VolumeGroupFrom(body, untyped),
            "btrfs" => BtrfsFrom(body),
            "raw" => new RawPayload(Optional(Mapping(body, "raw payload", "source_path"), "source_path", Text) ?? string.Empty),
            _ => throw new BibException($"unknown or unsupported payload type \"{payloadType}\""),
        };
    }

    private static Filesystem FilesystemFrom(YamlNode node, Func<string?, FilesystemType?> untyped)
    {
        var map = Mapping(node, "filesystem", "type", "uuid", "label", "mountpoint", "fstab_options", "fstab_freq", "fstab_passno", "mkfs_options");
        var mountpoint = Optional(map, "mountpoint", Text);
        var type = Optional(map, "type", n => (FilesystemType?)FilesystemTypeNames.Parse(Text(n)))
            ?? untyped(mountpoint)
            ?? throw new BibException($"filesystem {PosixPath.Quote(mountpoint)} has no type");
        return new Filesystem(type, mountpoint)
        {
            Uuid = Optional(map, "uuid", Text),
            Label = Optional(map, "label", Text),
            FstabOptions = Optional(map, "fstab_options", Text) ?? string.Empty,
            FstabFreq = Optional(map, "fstab_freq", Number) ?? 0,
            FstabPassNo = Optional(map, "fstab_passno", Number) ?? 0,
            Mkfs = Optional(map, "mkfs_options", MkfsFrom) ?? MkfsOptions.Default,
        };
    }

    private static MkfsOptions MkfsFrom(YamlNode node)
    {
        var map = Mapping(node, "mkfs_options", "verity", "geometry");
        return new MkfsOptions(
            Optional(map, "verity", n => (bool?)Bool(n)) ?? false,
            Optional(map, "geometry", g =>
            {
                var geometry = Mapping(g, "geometry", "heads", "sectors_per_track");
                return new MkfsGeometry(
                    checked((int)(Optional(geometry, "heads", Number) ?? 0)),
                    checked((int)(Optional(geometry, "sectors_per_track", Number) ?? 0)));
            }));
    }

    // Upstream's swap payload has no YAML names; Go's decoder matches its field names case-insensitively.
    private static SwapArea SwapFrom(YamlNode node)
    {
        var map = Mapping(node, "swap", "uuid", "label", "fstaboptions", "fstab_options");
        return new SwapArea
        {
            Uuid = Optional(map, "uuid", Text),
            Label = Optional(map, "label", Text),
            FstabOptions = Optional(map, "fstaboptions", Text) ?? Optional(map, "fstab_options", Text) ?? string.Empty,
        };
    }

    // Volume names become device paths and paths inside volumes that osbuild opens on the build host, so an image's
    // disk.yaml is held to the same rules as a user's disk customization. Empty means "name it for me".
    private static string Named(string? name, Func<string, string?> rule) =>
        string.IsNullOrEmpty(name) ? string.Empty
            : rule(name) is { } problem ? throw new BibException(problem) : name;

    private static LvmVolumeGroup VolumeGroupFrom(YamlNode node, Func<string?, FilesystemType?> untyped)
    {
        var map = Mapping(node, "lvm", "name", "description", "logical_volumes");
        var volumes = Optional(map, "logical_volumes", n => Sequence(n).Select(lv =>
        {
            var lvMap = Mapping(lv, "logical volume", "name", "size", "payload_type", "payload");
            var name = Named(Optional(lvMap, "name", Text), n => VolumeNameRules.LvmNameError(n, "LVM logical volume"));
            return new LogicalVolume(name, Optional(lvMap, "size", Size) ?? 0, PayloadFrom(lvMap, untyped));
        }).ToList()) ?? [];
        var groupName = Named(Optional(map, "name", Text), n => VolumeNameRules.LvmNameError(n, "LVM volume group"));
        return new LvmVolumeGroup(groupName, new ValueList<LogicalVolume>(volumes))
        {
            Description = Optional(map, "description", Text) ?? string.Empty,
        };
    }

    private static BtrfsVolume BtrfsFrom(YamlNode node)
    {
        var map = Mapping(node, "btrfs", "uuid", "label", "mountpoint", "subvolumes");
        var subvolumes = Optional(map, "subvolumes", n => Sequence(n).Select(sv =>
        {
            var svMap = Mapping(sv, "subvolume", "name", "size", "mountpoint", "group_id", "compress", "read_only", "uuid");
            return new BtrfsSubvolume(Named(Optional(svMap, "name", Text), VolumeNameRules.BtrfsSubvolumeNameError), Optional(svMap, "mountpoint", Text))
            {
                Size = Optional(svMap, "size", Size) ?? 0,
                Compress = Optional(svMap, "compress", Text),
                ReadOnly = Optional(svMap, "read_only", n => (bool?)Bool(n)) ?? false,
            };
        }).ToList()) ?? [];
        return new BtrfsVolume(new ValueList<BtrfsSubvolume>(subvolumes))
        {
            Uuid = Optional(map, "uuid", Text),
            Label = Optional(map, "label", Text),
        };
    }

    private static YamlMappingNode Mapping(YamlNode node, string what, params string[] keys)
    {
        if (node is not YamlMappingNode map)
        {
            throw new BibException($"{what} must be a mapping");
        }

        foreach (var key in map.Children.Keys)
        {
            var name = Text(key);
            if (!keys.Contains(name.ToLowerInvariant()))
            {
                throw new BibException($"unknown field \"{name}\" in {what}");
            }
        }

        return map;
    }

    private static T? Optional<T>(YamlMappingNode map, string key, Func<YamlNode, T> read)
    {
        foreach (var (k, v) in map.Children)
        {
            if (string.Equals(Text(k), key, StringComparison.OrdinalIgnoreCase))
            {
                return v is YamlScalarNode { Value: null or "~" or "null" } && v.Tag.IsEmpty ? default : read(v);
            }
        }

        return default;
    }

    private static IEnumerable<YamlNode> Sequence(YamlNode node) =>
        node as YamlSequenceNode ?? throw new BibException($"expected a list at line {node.Start.Line}");

    private static string Text(YamlNode node) =>
        node is YamlScalarNode scalar ? scalar.Value ?? string.Empty : throw new BibException($"expected a value at line {node.Start.Line}");

    private static ulong? Number(YamlNode node) => ulong.Parse(Text(node), NumberStyles.None, CultureInfo.InvariantCulture);

    private static ulong? Size(YamlNode node) => DataSize.Parse(Text(node));

    private static bool Bool(YamlNode node) => Text(node) switch
    {
        "true" or "True" or "TRUE" => true,
        "false" or "False" or "FALSE" => false,
        var other => throw new BibException($"expected true or false, got \"{other}\""),
    };
}
