using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace BootcImageBuilder.Osbuild;

/// <summary><c>org.osbuild.groups</c>: create groups (keyed by name).</summary>
public sealed record GroupsOptions(
    ImmutableSortedDictionary<string, GroupEntry> Groups,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] bool Force)
    : StageOptions("org.osbuild.groups");

/// <summary>A group of <see cref="GroupsOptions"/>.</summary>
public sealed record GroupEntry(long? Gid = null);
