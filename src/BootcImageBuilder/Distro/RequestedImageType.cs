namespace BootcImageBuilder.Distro;

/// <summary>One <c>--type</c> value as the user spelled it (<c>iso</c>) and the type it names.</summary>
public sealed record RequestedImageType(string Name, ImageType Type)
{
    /// <summary>The artifact of this type relative to the output directory.</summary>
    public string ArtifactPath => Type.ArtifactPath;
}
