namespace BootcImageBuilder.Distro;

/// <summary>One <c>--type</c> value: the osbuild pipeline it exports and the file it produces there.</summary>
public sealed record ImageType(string Name, string Export, string FileName, bool IsIso, bool IsLegacyIso);
