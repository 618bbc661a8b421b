using BootcImageBuilder.Containers;
using BootcImageBuilder.Distro;
using BootcImageBuilder.Randomness;

namespace BootcImageBuilder.Images;

/// <summary>What one kind's manifest is made from.</summary>
/// <param name="Request">The whole request (config and flags).</param>
/// <param name="Types">The requested types of this kind, in the user's order.</param>
/// <param name="Containers">The inspected image and build container.</param>
/// <param name="Random">The source of every random value in the manifest.</param>
public sealed record ImageKindInput(ManifestRequest Request, ImageTypeSet Types, ResolvedContainers Containers, IRandomSource Random);
