namespace BootcImageBuilder.Upload.Aws;

/// <summary>What a finished upload made: the AMI and the snapshot behind it.</summary>
public sealed record RegisteredAmi(string ImageId, string SnapshotId);
