namespace BootcImageBuilder.Disk;

/// <summary>Partition type GUIDs (GPT) and ids (DOS), named after the discoverable partitions specification.</summary>
public static class PartitionTypes
{
    public const string BiosBootGuid = "21686148-6449-6E6F-744E-656564454649";
    public const string LinuxDataGuid = "0FC63DAF-8483-4772-8E79-3D69D8477DE4";
    public const string EfiSystemGuid = "C12A7328-F81F-11D2-BA4B-00A0C93EC93B";
    public const string LvmGuid = "E6D6D379-F507-44C2-A23C-238F2A3DF928";
    public const string PrepGuid = "9E1A2D38-C612-4316-AA26-8B49521E5A8B";
    public const string SwapGuid = "0657FD6D-A4AB-43C4-84E5-0933C84B4F4F";
    public const string XbootldrGuid = "BC13C2FF-59E6-4262-A352-B275FD6F7172";

    public const string BiosBootDosId = "00";
    public const string LinuxDosId = "83";
    public const string EfiSystemDosId = "ef";
    public const string LvmDosId = "8e";
    public const string SwapDosId = "82";
    public const string PrepDosId = "41";

    /// <summary>The type for a partition with the given role; root and /usr types depend on the architecture on GPT.</summary>
    public static string For(PartitionTableType tableType, PartitionRole role, Arch arch)
    {
        ArgumentNullException.ThrowIfNull(arch);
        if (tableType == PartitionTableType.Dos)
        {
            return role switch
            {
                PartitionRole.BiosBoot => BiosBootDosId,
                PartitionRole.EfiSystem => EfiSystemDosId,
                PartitionRole.Lvm => LvmDosId,
                PartitionRole.Prep => PrepDosId,
                PartitionRole.Swap => SwapDosId,
                _ => LinuxDosId,
            };
        }

        return role switch
        {
            PartitionRole.BiosBoot => BiosBootGuid,
            PartitionRole.Boot => XbootldrGuid,
            PartitionRole.Data => LinuxDataGuid,
            PartitionRole.EfiSystem => EfiSystemGuid,
            PartitionRole.Lvm => LvmGuid,
            PartitionRole.Prep => PrepGuid,
            PartitionRole.Swap => SwapGuid,
            PartitionRole.Root => RootGuid(arch),
            PartitionRole.Usr => UsrGuid(arch),
            _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
        };
    }

    public static string RootGuid(Arch arch) => arch.Name switch
    {
        "x86_64" => "4F68BCE3-E8CD-4DB1-96E7-FBCAF984B709",
        "aarch64" => "B921B045-1DF0-41C3-AF44-4C6F280D3FAE",
        "ppc64le" => "C31C45E6-3F39-412E-80FB-4809C4980599",
        "s390x" => "5EEAD9A9-FE09-4A1E-A1D7-520D00531306",
        "riscv64" => "72EC70A6-CF74-40E6-BD49-4BDA08E8F224",
        _ => throw new BibException($"unknown or unsupported architecture: {arch.Name}"),
    };

    public static string UsrGuid(Arch arch) => arch.Name switch
    {
        "x86_64" => "8484680C-9521-48C6-9C11-B0720656F69E",
        "aarch64" => "B0E01050-EE5F-4390-949A-9101B17104E9",
        "ppc64le" => "15BB03AF-77E7-4D4A-B12B-C0D084F7491C",
        "s390x" => "8A4F5770-50AA-4ED3-874A-99B710DB6FEA",
        "riscv64" => "BEAEC34B-8442-439B-A40B-984381ED097D",
        _ => throw new BibException($"unknown or unsupported architecture: {arch.Name}"),
    };
}

/// <summary>What a partition is for; picks its type GUID or DOS id.</summary>
public enum PartitionRole
{
    BiosBoot,
    Boot,
    Data,
    EfiSystem,
    Lvm,
    Prep,
    Swap,
    Root,
    Usr,
}
