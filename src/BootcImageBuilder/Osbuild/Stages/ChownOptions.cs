using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace BootcImageBuilder.Osbuild;

/// <summary><c>org.osbuild.chown</c>: change owners of paths (keyed by path).</summary>
public sealed record ChownOptions(ImmutableSortedDictionary<string, ChownItem> Items)
    : StageOptions("org.osbuild.chown");

/// <summary>New owner of one path; user and group are names or numeric ids.</summary>
public sealed record ChownItem(
    OwnerId? User = null,
    OwnerId? Group = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool Recursive = false);
