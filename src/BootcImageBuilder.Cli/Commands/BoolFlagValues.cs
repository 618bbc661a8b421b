using System.CommandLine;

namespace BootcImageBuilder.Cli.Commands;

/// <summary>
/// <c>--flag=value</c> for boolean flags, read as cobra reads it (Go's <c>strconv.ParseBool</c>: 1, t, true, 0, f,
/// false in any of Go's spellings). System.CommandLine would otherwise take an unknown value for a stray argument.
/// </summary>
internal static class BoolFlagValues
{
    public static IReadOnlyList<string> Normalize(IReadOnlyList<string> args, RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(root);
        var boolFlags = CommandTree.OptionSpellings(root, o => o.ValueType == typeof(bool));
        return args.Select(arg =>
        {
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            if (!arg.StartsWith("--", StringComparison.Ordinal) || equals < 0 || !boolFlags.Contains(arg[..equals]))
            {
                return arg;
            }

            var (flag, value) = (arg[..equals], arg[(equals + 1)..]);
            return value switch
            {
                "1" or "t" or "T" or "TRUE" or "true" or "True" => $"{flag}=true",
                "0" or "f" or "F" or "FALSE" or "false" or "False" => $"{flag}=false",
                _ => throw new BibException(
                    $"invalid argument \"{value}\" for \"{flag}\" flag: strconv.ParseBool: parsing \"{value}\": invalid syntax"),
            };
        }).ToList();
    }
}
