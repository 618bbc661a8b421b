using System.Text.Json;

namespace BootcImageBuilder.Cli.Tests.Shipping;

/// <summary>One instruction of a Containerfile: its keyword (upper case) and the text after it, continuations joined.</summary>
internal sealed record ContainerfileInstruction(string Keyword, string Arguments)
{
    /// <summary>The JSON array of the exec form (<c>ENTRYPOINT ["/usr/bin/x"]</c>).</summary>
    public IReadOnlyList<string> ExecForm =>
        JsonSerializer.Deserialize<string[]>(Arguments) ?? throw new FormatException($"{Keyword}: not a JSON array: {Arguments}");

    /// <summary>The words of the shell form, or the items of the exec form.</summary>
    public IReadOnlyList<string> Words => Arguments.StartsWith('[') ? ExecForm : ShellWords.Split(Arguments);
}

/// <summary>A build stage: <c>FROM image [AS name]</c> and the instructions up to the next FROM.</summary>
internal sealed record ContainerfileStage(string BaseImage, string? Name, IReadOnlyList<ContainerfileInstruction> Instructions)
{
    public IEnumerable<ContainerfileInstruction> All(string keyword) => Instructions.Where(i => i.Keyword == keyword);

    /// <summary>Every <c>key=value</c> of the stage's LABEL instructions.</summary>
    public IReadOnlyDictionary<string, string> Labels =>
        All("LABEL").SelectMany(label => label.Words)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair.Length == 2 ? pair[1] : "", StringComparer.Ordinal);

    /// <summary>The packages of every <c>dnf install</c> in the stage's RUN instructions (options left out).</summary>
    public IReadOnlyList<string> DnfInstalledPackages =>
        All("RUN").SelectMany(run => run.Arguments.Split(["&&", ";", "||"], StringSplitOptions.TrimEntries))
            .Select(ShellWords.Split)
            .Where(words => words.Count > 2 && words[0] == "dnf" && words.Contains("install"))
            .SelectMany(words => words.SkipWhile(w => w != "install").Skip(1).Where(w => !w.StartsWith('-')))
            .ToList();
}

/// <summary>
/// Reads a Containerfile as buildah does for the instructions it has: one instruction per line, a trailing
/// backslash continues it on the next line, comment lines (also inside a continued instruction) and blank lines
/// are dropped, FROM starts a stage.
/// </summary>
internal sealed record Containerfile(IReadOnlyList<ContainerfileStage> Stages)
{
    public ContainerfileStage Final => Stages[^1];

    public ContainerfileStage Stage(string name) => Stages.Single(s => s.Name == name);

    public static Containerfile Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var stages = new List<ContainerfileStage>();
        foreach (var (keyword, arguments) in LogicalLines(text))
        {
            if (keyword == "FROM")
            {
                var words = ShellWords.Split(arguments).Where(w => !w.StartsWith("--", StringComparison.Ordinal)).ToList();
                var name = words.Count == 3 && words[1].Equals("AS", StringComparison.OrdinalIgnoreCase) ? words[2] : null;
                stages.Add(new ContainerfileStage(words[0], name, []));
                continue;
            }

            if (stages.Count == 0)
            {
                throw new FormatException($"{keyword} before the first FROM");
            }

            var stage = stages[^1];
            stages[^1] = stage with { Instructions = [.. stage.Instructions, new ContainerfileInstruction(keyword, arguments)] };
        }

        return new Containerfile(stages);
    }

    private static IEnumerable<(string Keyword, string Arguments)> LogicalLines(string text)
    {
        var pending = "";
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r', ' ', '\t');
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith('#') || (trimmed.Length == 0 && pending.Length == 0))
            {
                continue;
            }

            if (line.EndsWith('\\'))
            {
                pending += line[..^1] + " ";
                continue;
            }

            var logical = (pending + line).Trim();
            pending = "";
            if (logical.Length == 0)
            {
                continue;
            }

            var space = logical.IndexOfAny([' ', '\t']);
            yield return space < 0
                ? (logical.ToUpperInvariant(), "")
                : (logical[..space].ToUpperInvariant(), logical[(space + 1)..].Trim());
        }

        if (pending.Length > 0)
        {
            throw new FormatException("the last instruction ends with a line continuation");
        }
    }
}
