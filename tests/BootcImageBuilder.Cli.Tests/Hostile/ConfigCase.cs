namespace BootcImageBuilder.Cli.Tests.Hostile;

/// <summary>
/// One hostile config: the file (or special entry) to create in an empty working directory, the expected error
/// message (after <c>cannot generate manifest: cannot read config: </c>), and the secret it must not print.
/// </summary>
public sealed record ConfigCase(string Name, string FileName, byte[] Content, string Expected)
{
    /// <summary>What the entry is: a file with <see cref="Content"/>, or a special entry created instead.</summary>
    public EntryKind Kind { get; init; } = EntryKind.File;

    /// <summary>For <see cref="EntryKind.Symlink"/>: where the link points.</summary>
    public string? LinkTarget { get; init; }

    public override string ToString() => Name;
}

public enum EntryKind
{
    File,
    Symlink,
    Fifo,
    Directory,
    Missing,
}
