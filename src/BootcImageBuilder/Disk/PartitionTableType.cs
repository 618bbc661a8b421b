namespace BootcImageBuilder.Disk;

/// <summary>The partition table format: GUID partition table or the MBR ("dos") table.</summary>
public enum PartitionTableType
{
    Gpt,
    Dos,
}

public static class PartitionTableTypeNames
{
    /// <summary>The sfdisk label, as written to the manifest (<c>gpt</c>, <c>dos</c>).</summary>
    public static string ToLabel(this PartitionTableType type) => type == PartitionTableType.Dos ? "dos" : "gpt";

    public static PartitionTableType Parse(string name) => name switch
    {
        "gpt" => PartitionTableType.Gpt,
        "dos" => PartitionTableType.Dos,
        _ => throw new BibException($"unknown or unsupported partition table type name: {name}"),
    };
}
