using System.Globalization;
using BootcImageBuilder.Randomness;

namespace BootcImageBuilder.Disk;

/// <summary>
/// Fills every missing UUID from one random source in a fixed order: the table, then each partition's
/// payload in tree order (a FAT filesystem draws a 4-byte volume id), then the missing GPT partition UUIDs.
/// </summary>
internal static class UuidAssignment
{
    public static PartitionTable Assign(PartitionTable table, IRandomSource random)
    {
        table = table with { Uuid = table.Uuid ?? random.NewUuid() };
        var partitions = table.Partitions.Select(p => p with { Payload = Assign(p.Payload, random) }).ToList();
        if (table.Type == PartitionTableType.Gpt)
        {
            partitions = [.. partitions.Select(p => p with { Uuid = p.Uuid ?? random.NewUuid() })];
        }

        return table with { Partitions = new ValueList<Partition>(partitions) };
    }

    /// <summary>A FAT volume id: 4 random bytes as upper-case hex with a dash in the middle.</summary>
    public static string NewVolumeId(IRandomSource random)
    {
        Span<byte> bytes = stackalloc byte[4];
        random.NextBytes(bytes);
        var hex = Convert.ToHexString(bytes);
        return string.Create(CultureInfo.InvariantCulture, $"{hex[..4]}-{hex[4..]}");
    }

    private static PartitionPayload? Assign(PartitionPayload? payload, IRandomSource random) => payload switch
    {
        Filesystem { Uuid: null, Type: FilesystemType.Vfat } fs => fs with { Uuid = NewVolumeId(random) },
        Filesystem { Uuid: null } fs => fs with { Uuid = random.NewUuid() },
        SwapArea { Uuid: null } swap => swap with { Uuid = random.NewUuid() },
        BtrfsVolume { Uuid: null } btrfs => btrfs with { Uuid = random.NewUuid() },
        LvmVolumeGroup vg => vg with
        {
            LogicalVolumes = new ValueList<LogicalVolume>(vg.LogicalVolumes.Select(lv => lv with { Payload = Assign(lv.Payload, random) }).ToList()),
        },
        _ => payload,
    };
}
