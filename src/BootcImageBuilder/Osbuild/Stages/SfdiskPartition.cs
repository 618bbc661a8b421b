using System.Text.Json.Serialization;

namespace BootcImageBuilder.Osbuild;

/// <summary>One partition of an <see cref="SfdiskOptions"/> table; start and size are in sectors.</summary>
public sealed record SfdiskPartition(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool Bootable = false,
    string? Name = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] long Size = 0,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] long Start = 0,
    string? Type = null,
    string? Uuid = null,
    IReadOnlyList<int>? Attrs = null);
