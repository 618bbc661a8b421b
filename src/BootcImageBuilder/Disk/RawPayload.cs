namespace BootcImageBuilder.Disk;

/// <summary>Bytes copied verbatim onto the partition from a file in the container (<c>org.osbuild.write-device</c>).</summary>
public sealed record RawPayload(string SourcePath) : PartitionPayload;
