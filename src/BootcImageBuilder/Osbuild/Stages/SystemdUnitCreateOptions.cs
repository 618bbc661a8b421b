using System.Text.Json.Serialization;

namespace BootcImageBuilder.Osbuild;

/// <summary>
/// <c>org.osbuild.systemd.unit.create</c>: write a unit file (<c>.service</c>, <c>.mount</c>, <c>.swap</c>, <c>.socket</c>)
/// to <c>/etc/systemd/system</c> (<paramref name="UnitPath"/> <c>etc</c>) or <c>/usr/lib/systemd/system</c> (<c>usr</c>).
/// </summary>
/// <remarks>Key order as upstream: filename, unit-type, unit-path, config.</remarks>
public sealed record SystemdUnitCreateOptions(
    string Filename,
    [property: JsonPropertyOrder(1)] SystemdUnit Config,
    [property: JsonPropertyName("unit-type")] string? UnitType = null,
    [property: JsonPropertyName("unit-path")] string? UnitPath = null)
    : StageOptions("org.osbuild.systemd.unit.create");
