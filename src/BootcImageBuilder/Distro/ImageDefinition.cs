namespace BootcImageBuilder.Distro;

/// <summary>What a distro file says about one image type: the packages (and <c>@groups</c>) its installer needs.</summary>
public sealed record ImageDefinition(string ImageType, IReadOnlyList<string> Packages);
