namespace BootcImageBuilder.Disk;

/// <summary>
/// What a partition table can address, and the check every generated layout passes before it reaches a manifest:
/// the disk within its label's limit, each partition inside the disk's usable area, no two overlapping.
/// </summary>
public static class DiskBounds
{
    /// <summary>
    /// The largest GPT disk image: image tools take sizes as a signed 64-bit offset (<c>off_t</c>), so 8 EiB less
    /// one grain, which also keeps every start and end within 64 bits.
    /// </summary>
    public const ulong MaxGptBytes = (ulong)long.MaxValue - PartitionTable.Grain + 1;

    /// <summary>DOS labels hold 32-bit sector numbers: 2 TiB with 512-byte sectors.</summary>
    public const ulong MaxDosBytes = 2 * DataSize.TiB;

    /// <summary>GPT's partition entry array holds 128 entries; DOS has 4 primary partitions.</summary>
    public const int MaxGptPartitions = 128;

    public const int MaxDosPartitions = 4;

    public static ulong MaxBytes(PartitionTableType type) => type == PartitionTableType.Dos ? MaxDosBytes : MaxGptBytes;

    /// <summary>The limit as messages say it.</summary>
    public static string Describe(PartitionTableType type) =>
        type == PartitionTableType.Dos ? "the 2 TiB a dos partition table can address" : "the largest disk image (8 EiB)";

    /// <exception cref="BibException">The layout breaks one of the bounds.</exception>
    public static void Check(PartitionTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var maxPartitions = table.Type == PartitionTableType.Dos ? MaxDosPartitions : MaxGptPartitions;
        if (table.Partitions.Count > maxPartitions)
        {
            throw new BibException($"cannot lay out the disk: {table.Partitions.Count} partitions, a {table.Type.ToString().ToLowerInvariant()} partition table holds at most {maxPartitions}");
        }

        if (table.Size > MaxBytes(table.Type))
        {
            throw new BibException($"cannot lay out the disk: it needs more than {Describe(table.Type)}");
        }

        var usableEnd = table.Size - Math.Min(table.Size, table.FooterSize);
        var previousEnd = table.HeaderSize;
        foreach (var partition in table.Partitions.OrderBy(p => p.Start))
        {
            if (partition.Size == 0 || partition.Start < previousEnd || partition.Size > usableEnd || partition.Start > usableEnd - partition.Size)
            {
                throw new BibException("cannot lay out the disk: a partition would lie outside the disk or overlap another");
            }

            previousEnd = partition.End;
        }
    }
}
