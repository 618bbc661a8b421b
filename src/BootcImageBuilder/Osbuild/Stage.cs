using System.Collections.Immutable;
using static BootcImageBuilder.EmptyValues;

namespace BootcImageBuilder.Osbuild;

/// <summary>
/// One osbuild stage. JSON key order is <c>type, inputs, options, devices, mounts</c>, as upstream writes it;
/// null members are left out (empty collections are normalised to null by the factory).
/// </summary>
public sealed record Stage(
    string Type,
    ImmutableSortedDictionary<string, StageInput>? Inputs,
    StageOptions? Options,
    ImmutableSortedDictionary<string, Device>? Devices,
    IReadOnlyList<Mount>? Mounts)
{
    /// <summary>A stage of the type <paramref name="options"/> belong to.</summary>
    public static Stage Of(
        StageOptions options,
        IEnumerable<KeyValuePair<string, StageInput>>? inputs = null,
        IEnumerable<KeyValuePair<string, Device>>? devices = null,
        IEnumerable<Mount>? mounts = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return WithoutOptions(options.StageType, inputs, devices, mounts) with { Options = options };
    }

    /// <summary>A stage that takes no options (for example an empty <c>org.osbuild.ignition</c>).</summary>
    public static Stage WithoutOptions(
        string type,
        IEnumerable<KeyValuePair<string, StageInput>>? inputs = null,
        IEnumerable<KeyValuePair<string, Device>>? devices = null,
        IEnumerable<Mount>? mounts = null) =>
        new(
            type,
            NullIfEmpty(inputs is null ? null : OsbuildMap.From(inputs)),
            null,
            NullIfEmpty(devices is null ? null : OsbuildMap.From(devices)),
            mounts is null ? null : NullIfEmpty([.. mounts]));
}
