namespace BootcImageBuilder.Data.Defs;

/// <summary>One partition of a <see cref="PartitionTableYaml"/>; <see cref="Type"/> is a GPT type GUID.</summary>
public sealed class PartitionYaml
{
    public string? Size { get; set; }

    public string? Type { get; set; }

    public bool Bootable { get; set; }

    public string? Label { get; set; }

    /// <summary>Only <c>filesystem</c> (or nothing) occurs in the base tables.</summary>
    public string? PayloadType { get; set; }

    public FilesystemYaml? Payload { get; set; }
}
