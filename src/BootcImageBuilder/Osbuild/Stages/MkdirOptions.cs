using System.Text.Json.Serialization;

namespace BootcImageBuilder.Osbuild;

/// <summary><c>org.osbuild.mkdir</c>: create directories (paths may use <c>tree://</c> / <c>mount://</c>).</summary>
public sealed record MkdirOptions(IReadOnlyList<MkdirPath> Paths)
    : StageOptions("org.osbuild.mkdir");

/// <summary>A directory of <see cref="MkdirOptions"/>; <paramref name="Mode"/> is the numeric mode (0755 is 493).</summary>
public sealed record MkdirPath(
    string Path,
    int? Mode = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool Parents = false,
    [property: JsonPropertyName("exist_ok"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool ExistOk = false);
