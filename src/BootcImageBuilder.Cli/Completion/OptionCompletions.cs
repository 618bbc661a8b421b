using System.CommandLine;

namespace BootcImageBuilder.Cli.Completion;

internal static class OptionCompletions
{
    /// <summary>Offers <paramref name="values"/> when completing the option's value; what is accepted is checked elsewhere.</summary>
    public static Option<T> CompletingWith<T>(this Option<T> option, params string[] values) =>
        option.CompletingWith(() => values);

    /// <summary>Offers what <paramref name="values"/> returns, computed only when a completion is asked for.</summary>
    public static Option<T> CompletingWith<T>(this Option<T> option, Func<IEnumerable<string>> values)
    {
        ArgumentNullException.ThrowIfNull(option);
        ArgumentNullException.ThrowIfNull(values);
        option.CompletionSources.Add(_ => values());
        return option.LabelledByName();
    }

    // Help would otherwise list the values in the flag's label (--type <ami|anaconda-iso|…>) instead of <type>.
    private static Option<T> LabelledByName<T>(this Option<T> option)
    {
        option.HelpName ??= option.Name.TrimStart('-');
        return option;
    }
}
