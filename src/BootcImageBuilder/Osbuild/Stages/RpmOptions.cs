using System.Text.Json.Serialization;

namespace BootcImageBuilder.Osbuild;

/// <summary><c>org.osbuild.rpm</c>: install the RPMs of its <c>packages</c> input; <paramref name="GpgKeys"/> are armored keys to import first.</summary>
public sealed record RpmOptions(
    [property: JsonPropertyName("gpgkeys")] IReadOnlyList<string>? GpgKeys = null,
    RpmExclude? Exclude = null)
    : StageOptions("org.osbuild.rpm");

/// <summary>What <see cref="RpmOptions"/> leaves out of the installed packages.</summary>
public sealed record RpmExclude([property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool Docs = false);
