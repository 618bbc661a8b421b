namespace BootcImageBuilder.Disk;

/// <summary>
/// One partition: <see cref="Start"/> and <see cref="Size"/> in bytes, <see cref="Type"/> a GPT type GUID or a
/// two-digit DOS id, <see cref="Label"/> the GPT partition name.
/// </summary>
public sealed record Partition
{
    public ulong Start { get; init; }

    public ulong Size { get; init; }

    public string? Type { get; init; }

    public bool Bootable { get; init; }

    public string? Uuid { get; init; }

    public string? Label { get; init; }

    public PartitionPayload? Payload { get; init; }

    /// <summary>GPT attribute bit numbers.</summary>
    public ValueList<uint> Attrs { get; init; }

    public ulong End => checked(Start + Size);

    /// <summary>True when the partition's payload (or anything inside it) is mounted at <paramref name="mountpoint"/>.</summary>
    public bool Holds(string mountpoint) => PartitionTable.MountpointsOf(Payload).Contains(mountpoint);
}
