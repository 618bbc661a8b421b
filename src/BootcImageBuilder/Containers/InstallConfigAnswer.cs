namespace BootcImageBuilder.Containers;

/// <summary>
/// What an image's bootc install configuration files say about the default root filesystem: a type, none
/// (<see cref="IsKnown"/> with a null type), or nothing certain (<see cref="UnknownReason"/>: bootc must be asked).
/// </summary>
public sealed record InstallConfigAnswer
{
    private InstallConfigAnswer(string? rootFsType, string? unknownReason)
    {
        RootFsType = rootFsType;
        UnknownReason = unknownReason;
    }

    public string? RootFsType { get; }

    public string? UnknownReason { get; }

    public bool IsKnown => UnknownReason is null;

    public static InstallConfigAnswer Known(string? rootFsType) => new(rootFsType, null);

    public static InstallConfigAnswer Unknown(string reason) => new(null, reason);
}
