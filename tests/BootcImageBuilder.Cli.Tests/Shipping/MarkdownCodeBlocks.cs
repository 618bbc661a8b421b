namespace BootcImageBuilder.Cli.Tests.Shipping;

/// <summary>
/// A fenced code block of a Markdown file: its info string (<c>sh</c>, <c>toml</c>, …), its text, where it starts,
/// and the HTML comments (<c>&lt;!-- … --&gt;</c>) on the lines right above its fence, which is where the docs put
/// the markers the example tests read.
/// </summary>
internal sealed record MarkdownCodeBlock(string File, int Line, string Info, string Text, IReadOnlyList<string> Markers)
{
    public string Where => $"{File}:{Line}";

    /// <summary>The value of the marker <c>&lt;!-- name: value --&gt;</c>, or null.</summary>
    public string? Marker(string name) =>
        Markers.Where(m => m.StartsWith(name + ":", StringComparison.Ordinal)).Select(m => m[(name.Length + 1)..].Trim()).FirstOrDefault();

    /// <summary>The commands of a shell block: lines joined at backslash-newlines, blank and comment lines left out.</summary>
    public IReadOnlyList<string> Commands =>
        Text.Replace("\\\n", " ", StringComparison.Ordinal).Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .ToList();

    public static IReadOnlyList<MarkdownCodeBlock> Read(string path, string relativeName)
    {
        var lines = System.IO.File.ReadAllLines(path);
        var blocks = new List<MarkdownCodeBlock>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("```", StringComparison.Ordinal))
            {
                continue;
            }

            var start = i;
            var end = Array.FindIndex(lines, i + 1, l => l.StartsWith("```", StringComparison.Ordinal));
            if (end < 0)
            {
                throw new FormatException($"{relativeName}:{start + 1}: code block never closed");
            }

            var markers = new List<string>();
            for (var above = start - 1; above >= 0 && lines[above].StartsWith("<!--", StringComparison.Ordinal); above--)
            {
                markers.Insert(0, lines[above]["<!--".Length..].Replace("-->", "", StringComparison.Ordinal).Trim());
            }

            var text = string.Join('\n', lines[(start + 1)..end]) + "\n";
            blocks.Add(new MarkdownCodeBlock(relativeName, start + 1, lines[start][3..].Trim(), text, markers));
            i = end;
        }

        return blocks;
    }
}
