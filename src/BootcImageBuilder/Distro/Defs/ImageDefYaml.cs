namespace BootcImageBuilder.Distro.Defs;

/// <summary>One image type's entry in a distro file (<c>data/defs/&lt;id&gt;-&lt;version&gt;.yaml</c>).</summary>
public sealed class ImageDefYaml
{
    /// <summary>Package names and <c>@group</c> names, as written.</summary>
    public List<string> Packages { get; set; } = [];
}
