namespace BootcImageBuilder.FileSystem;

/// <summary>What a directory entry is, as <c>S_IFMT</c> tells it (links are not followed).</summary>
public enum FileKind
{
    Missing,
    Regular,
    Directory,
    SymbolicLink,
    Fifo,
    CharacterDevice,
    BlockDevice,
    Socket,
    Unknown,
}
