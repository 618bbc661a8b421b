using System.Text.Json.Serialization;

namespace BootcImageBuilder.Osbuild;

/// <summary><c>org.osbuild.copy</c>: copy files between <c>input://</c>, <c>tree://</c> and <c>mount://</c> locations.</summary>
public sealed record CopyOptions(IReadOnlyList<CopyPath> Paths)
    : StageOptions("org.osbuild.copy");

/// <summary>One copy operation of <see cref="CopyOptions"/>.</summary>
public sealed record CopyPath(
    string From,
    string To,
    [property: JsonPropertyName("remove_destination"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool RemoveDestination = false);
