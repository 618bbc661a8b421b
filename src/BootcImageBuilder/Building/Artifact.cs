namespace BootcImageBuilder.Building;

/// <summary>One finished output: the image type it is for and where it now lies.</summary>
public sealed record Artifact(string ImageType, string Path);
