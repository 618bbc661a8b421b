using System.Text;

namespace BootcImageBuilder.Images.Pipelines.Pxe;

/// <summary>
/// The two text files of the PXE tree, written for this tool (upstream ships its own README and menu with the same
/// purpose: a boot menu template and instructions). They are embedded resources; their checksums name inline
/// sources in the manifest.
/// </summary>
public static class PxeTreeFiles
{
    private const string CmdlinePlaceholder = "@CMDLINE@";

    /// <summary>How to boot the tree, and what the container needs for it.</summary>
    public static string Readme { get; } = Read("pxetree/README");

    /// <summary>The grub menu template; <c>@OSTREE@</c> is left for the <c>ostree.grub2</c> stage to fill.</summary>
    public static string GrubTemplate { get; } = Read("pxetree/ostree-grub.cfg");

    /// <summary>The grub menu with the kernel arguments (space-separated) in place of <c>@CMDLINE@</c>.</summary>
    public static string GrubConfig(IReadOnlyList<string> kernelArgs)
    {
        ArgumentNullException.ThrowIfNull(kernelArgs);
        return GrubTemplate.Replace(CmdlinePlaceholder, string.Join(' ', kernelArgs), StringComparison.Ordinal);
    }

    private static string Read(string name)
    {
        using var stream = typeof(PxeTreeFiles).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded resource {name} is missing from the build");
        using var reader = new StreamReader(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true));
        return reader.ReadToEnd();
    }
}
