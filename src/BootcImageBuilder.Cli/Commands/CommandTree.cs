using System.CommandLine;

namespace BootcImageBuilder.Cli.Commands;

internal static class CommandTree
{
    /// <summary>Every spelling (name and aliases) of the options of the root and its subcommands that match <paramref name="predicate"/>.</summary>
    public static HashSet<string> OptionSpellings(RootCommand root, Func<Option, bool> predicate) =>
        root.Options.Concat(root.Subcommands.SelectMany(c => c.Options))
            .Where(predicate)
            .SelectMany(o => o.Aliases.Append(o.Name))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>The spellings of the options that take a value (the next word, or after <c>=</c>).</summary>
    public static HashSet<string> ValueTakingSpellings(RootCommand root) =>
        OptionSpellings(root, o => o.ValueType != typeof(bool) && o.Arity.MaximumNumberOfValues > 0);
}
