namespace BootcImageBuilder.Osbuild;

/// <summary>The product name and version installer stages show (os-release <c>NAME</c> and <c>VERSION_ID</c>).</summary>
public sealed record IsoProduct(string Name, string Version);
