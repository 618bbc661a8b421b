using System.CommandLine;

namespace BootcImageBuilder.Cli.Commands;

/// <summary>
/// Upstream's argv rule: the first positional word picks the subcommand wherever it stands
/// (<c>--rootfs=xfs manifest REF</c>), and when it names none, <c>build</c> is meant
/// (<c>bootc-image-builder quay.io/x:y</c>, <c>bootc-image-builder --type ami quay.io/x:y</c>).
/// </summary>
internal static class ImplicitBuild
{
    private const string DefaultCommand = "build";

    public static IReadOnlyList<string> Normalize(IReadOnlyList<string> args, RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(root);
        var commandIndex = CommandIndex(args, root);
        if (commandIndex < 0)
        {
            // Like cobra: a bare --help or -h shows the root help; anything else (including no args) runs build.
            return args.Any(a => a is "--help" or "-h") ? args : [DefaultCommand, .. args];
        }

        var word = args[commandIndex];
        var rest = args.Where((_, i) => i != commandIndex).ToList();
        if (word == "help")
        {
            // "help" and "help build": show the root's or that command's help.
            var target = rest.FirstOrDefault(a => !a.StartsWith('-'));
            return target is null ? ["--help"] : [target, "--help"];
        }

        return root.Subcommands.Any(c => c.Name == word) ? [word, .. rest] : [DefaultCommand, .. args];
    }

    /// <summary>Where the first positional word (the command, or the image for an implied build) is, or -1.</summary>
    public static int CommandIndex(IReadOnlyList<string> args, RootCommand root) =>
        FirstPositionalIndex(args, CommandTree.ValueTakingSpellings(root));

    private static int FirstPositionalIndex(IReadOnlyList<string> args, HashSet<string> valueTaking)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                return i + 1 < args.Count ? i + 1 : -1;
            }

            if (!arg.StartsWith('-') || arg == "-")
            {
                return i;
            }

            if (!arg.Contains('=', StringComparison.Ordinal) && valueTaking.Contains(arg))
            {
                i++;
            }
        }

        return -1;
    }
}
