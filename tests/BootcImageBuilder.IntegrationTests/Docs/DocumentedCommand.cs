using BootcImageBuilder.Cli.Tests.Shipping;

namespace BootcImageBuilder.IntegrationTests.Docs;

/// <summary>
/// One command line of a documentation example: <c>bootc-image-builder</c> (optionally after <c>sudo</c>) and its
/// arguments, with an optional <c>&lt; FILE</c> for stdin and <c>&gt; FILE</c> for stdout, both relative to the
/// example's directory. Anything else is not something the example tests can run, and says so.
/// </summary>
internal sealed record DocumentedCommand(IReadOnlyList<string> Arguments, string? StdinFile, string? StdoutFile)
{
    private const string Tool = "bootc-image-builder";

    /// <summary>The command, or why the line cannot be run as an example.</summary>
    public static (DocumentedCommand? Command, string? Problem) Parse(string line)
    {
        var words = ShellWords.Split(line).SkipWhile(w => w == "sudo").ToList();
        if (words.Count == 0 || words[0] != Tool)
        {
            return (null, $"not a {Tool} command: mark the block <!-- not-runnable: why -->");
        }

        var arguments = new List<string>();
        string? stdin = null, stdout = null;
        for (var i = 1; i < words.Count; i++)
        {
            if (words[i] is "<" or ">")
            {
                if (i + 1 >= words.Count || Path.IsPathRooted(words[i + 1]) || words[i + 1].Contains("..", StringComparison.Ordinal))
                {
                    return (null, $"redirection {words[i]} needs a file inside the example directory");
                }

                if (words[i] == "<")
                {
                    stdin = words[++i];
                }
                else
                {
                    stdout = words[++i];
                }

                continue;
            }

            if (words[i].IndexOfAny(['|', '&', ';', '$', '`', '>', '<']) >= 0)
            {
                return (null, $"shell syntax ({words[i]}) that the example tests do not run: mark the block <!-- not-runnable: why -->");
            }

            arguments.Add(words[i]);
        }

        return (new DocumentedCommand(arguments, stdin, stdout), null);
    }
}
