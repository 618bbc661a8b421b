namespace BootcImageBuilder.Disk;

/// <summary>The options of the <c>org.osbuild.sfdisk</c> stage: starts and sizes in sectors.</summary>
public sealed record SfdiskPartitioning(string Label, string? Uuid, ValueList<SfdiskPartition> Partitions)
{
    public static SfdiskPartitioning From(PartitionTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var partitions = table.Partitions.Select(p => new SfdiskPartition(
            table.BytesToSectors(p.Start),
            table.BytesToSectors(p.Size),
            p.Type,
            p.Uuid,
            p.Label,
            p.Bootable,
            p.Attrs));
        return new SfdiskPartitioning(table.Type.ToLabel(), table.Uuid, new ValueList<SfdiskPartition>(partitions));
    }
}

/// <summary>One sfdisk partition; <see cref="Name"/> is the GPT partition name.</summary>
public sealed record SfdiskPartition(ulong Start, ulong Size, string? Type, string? Uuid, string? Name, bool Bootable, ValueList<uint> Attrs);
