using System.Text.RegularExpressions;

namespace BootcImageBuilder.IntegrationTests.EndToEnd.Boot;

/// <summary>The grub.cfg and README of a PXE tree, read as a user reads them to boot without GRUB or a web server.</summary>
internal static partial class PxeMenu
{
    /// <summary>
    /// The kernel arguments of the menu entry whose initrd is <c>combined.img</c> (the root filesystem inside the initrd):
    /// its <c>linux /vmlinuz …</c> line without the kernel path.
    /// </summary>
    public static string CombinedImageOptions(string grubConfig)
    {
        var entry = Assert.Single(MenuEntries().Matches(grubConfig), e => e.Groups["body"].Value.Contains("initrd /combined.img", StringComparison.Ordinal));
        return LinuxLine().Match(entry.Groups["body"].Value).Groups["options"].Value.Trim();
    }

    /// <summary>The shell commands the README gives to make combined.img: the indented block of its "Inside the initramfs" item.</summary>
    public static string CombinedImageCommands(string readme)
    {
        var block = CommandBlock().Match(readme);
        Assert.True(block.Success, $"no combined.img commands in the README:\n{readme}");
        return string.Join('\n', block.Groups["line"].Captures.Select(c => c.Value.Trim()));
    }

    [GeneratedRegex(@"menuentry '[^']*' \{(?<body>[^}]*)\}")]
    private static partial Regex MenuEntries();

    [GeneratedRegex(@"^\s*linux\s+/vmlinuz\s+(?<options>.*)$", RegexOptions.Multiline)]
    private static partial Regex LinuxLine();

    [GeneratedRegex(@"Inside the initramfs\.(?:.*\n)*?\n(?:(?<line> {7}\S.*)\n)+")]
    private static partial Regex CommandBlock();
}
