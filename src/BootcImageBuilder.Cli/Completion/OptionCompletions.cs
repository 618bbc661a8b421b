using System.CommandLine;

namespace BootcImageBuilder.Cli.Completion;

internal static class OptionCompletions
{
    /// <summary>Offers <paramref name="values"/> when completing the option's value; what is accepted is checked elsewhere.</summary>
    public static Option<T> CompletingWith<T>(this Option<T> option, params string[] values)
    {
        ArgumentNullException.ThrowIfNull(option);
        option.CompletionSources.Add(values);
        // Help would otherwise list the values in the flag's label (--type <ami|anaconda-iso|…>) instead of <type>.
        option.HelpName ??= option.Name.TrimStart('-');
        return option;
    }
}
