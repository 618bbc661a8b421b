using System.Globalization;

namespace BootcImageBuilder.Osbuild;

/// <summary><c>org.osbuild.truncate</c>: create or resize a file. The size is a decimal string of bytes.</summary>
public sealed record TruncateOptions(string Filename, string Size)
    : StageOptions("org.osbuild.truncate")
{
    public TruncateOptions(string filename, long sizeInBytes)
        : this(filename, sizeInBytes.ToString(CultureInfo.InvariantCulture))
    {
    }
}
