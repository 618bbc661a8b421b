namespace BootcImageBuilder.Osbuild;

/// <summary><c>org.osbuild.sfdisk</c>: write a partition table (<paramref name="Label"/> <c>gpt</c> or <c>dos</c>) on device <c>device</c>.</summary>
public sealed record SfdiskOptions(
    string Label,
    string Uuid,
    IReadOnlyList<SfdiskPartition>? Partitions)
    : StageOptions("org.osbuild.sfdisk");
