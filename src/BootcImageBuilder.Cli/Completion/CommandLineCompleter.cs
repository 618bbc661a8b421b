using System.CommandLine;
using BootcImageBuilder.Cli.Commands;

namespace BootcImageBuilder.Cli.Completion;

/// <summary>
/// Answers <c>bootc-image-builder __complete WORD…</c>: the words typed after the program name, the last one being
/// the word under the cursor (possibly empty). Upstream's argv rules apply, so flags typed before any command are
/// <c>build</c>'s, and the candidates come from System.CommandLine's completions of the parsed line.
/// </summary>
internal static class CommandLineCompleter
{
    public const string CommandName = "__complete";

    // System.CommandLine's DOS-style help spellings: accepted, but not worth offering.
    private static readonly HashSet<string> HelpSpellings = new(["/?", "/h", "-?"], StringComparer.Ordinal);

    public static IReadOnlyList<string> Complete(IReadOnlyList<string> typed, RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(typed);
        ArgumentNullException.ThrowIfNull(root);
        var words = JoinBashEqualsSplit(typed);
        if (words.Count == 0)
        {
            words = [""];
        }

        var before = words.Take(words.Count - 1).ToList();
        var current = words[^1];

        var equals = current.IndexOf('=', StringComparison.Ordinal);
        if (current.StartsWith("--", StringComparison.Ordinal) && equals > 0)
        {
            var flag = current[..equals];
            return Candidates(root, [.. before, flag], current[(equals + 1)..])
                .Select(value => $"{flag}={value}")
                .ToList();
        }

        var commandChosen = ImplicitBuild.CommandIndex(before, root) >= 0;
        var expectsFlagValue = before.Count > 0 && FlagTakingValue(root, before[^1]);
        if (!commandChosen && !expectsFlagValue && !current.StartsWith('-'))
        {
            return root.Subcommands.Where(c => !c.Hidden).Select(c => c.Name)
                .Where(name => name.StartsWith(current, StringComparison.Ordinal))
                .ToList();
        }

        return Candidates(root, before, current);
    }

    private static List<string> Candidates(RootCommand root, List<string> before, string current)
    {
        var tokens = ImplicitBuild.Normalize(before, root).Append(current).ToList();
        var parse = root.Parse(tokens);
        // A single-valued option has already taken the current word as its value, so the parser would complete the
        // command; ask the option itself.
        var flag = before.Count > 0 ? FindOption(parse.CommandResult.Command, root, before[^1]) : null;
        // A "-" word is a flag of the command even right after a boolean flag, which could take "true" or "false".
        var items = current.StartsWith('-') ? parse.CommandResult.Command.GetCompletions(parse.GetCompletionContext())
            : flag is not null && flag.Arity.MaximumNumberOfValues > 0 && flag.ValueType != typeof(bool)
                ? flag.GetCompletions(parse.GetCompletionContext())
                : parse.GetCompletions();
        return items
            .Select(item => item.Label)
            .Where(label => label.StartsWith(current, StringComparison.Ordinal) && !HelpSpellings.Contains(label))
            // Flags are offered once a "-" is typed, as cobra does; an empty word gets values and subcommands only.
            .Where(label => current.StartsWith('-') || !label.StartsWith('-'))
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The option <paramref name="spelling"/> of <paramref name="command"/>, or a recursive one of the root.</summary>
    private static Option? FindOption(Command command, RootCommand root, string spelling) =>
        command.Options.Concat(root.Options.Where(o => o.Recursive))
            .FirstOrDefault(o => o.Name == spelling || o.Aliases.Contains(spelling));

    private static bool FlagTakingValue(RootCommand root, string word) => CommandTree.ValueTakingSpellings(root).Contains(word);

    /// <summary>bash splits <c>--type=qc</c> into <c>--type</c>, <c>=</c>, <c>qc</c>: read that as <c>--type qc</c>.</summary>
    private static List<string> JoinBashEqualsSplit(IReadOnlyList<string> words)
    {
        var joined = new List<string>();
        for (var i = 0; i < words.Count; i++)
        {
            if (words[i] == "=" && joined.Count > 0 && joined[^1].StartsWith("--", StringComparison.Ordinal))
            {
                if (i == words.Count - 1)
                {
                    joined.Add("");
                }

                continue;
            }

            joined.Add(words[i]);
        }

        return joined;
    }
}
