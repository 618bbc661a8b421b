using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace BootcImageBuilder.Osbuild;

/// <summary><c>org.osbuild.chmod</c>: change modes of paths (keyed by path).</summary>
public sealed record ChmodOptions(ImmutableSortedDictionary<string, ChmodItem> Items)
    : StageOptions("org.osbuild.chmod");

/// <summary>A chmod(1) mode string such as <c>0755</c> or <c>u+x</c>.</summary>
public sealed record ChmodItem(
    string Mode,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool Recursive = false);
