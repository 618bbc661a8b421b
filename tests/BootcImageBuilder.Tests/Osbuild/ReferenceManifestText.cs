namespace BootcImageBuilder.Tests.Osbuild;

/// <summary>
/// Cuts the text of single pipelines and stages out of a reference manifest saved with two-space indentation,
/// without re-formatting it, so parts can be compared byte for byte with our serializer.
/// </summary>
public sealed class ReferenceManifestText
{
    private const int PipelineIndent = 4;
    private const int StageIndent = 8;

    private readonly string[] lines;

    public ReferenceManifestText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        lines = text.Split('\n');
    }

    /// <summary>The pipeline at <paramref name="index"/>, dedented to the top level, with a trailing newline.</summary>
    public string Pipeline(int index) => Blocks(0, lines.Length, PipelineIndent)[index].Text;

    /// <summary>Stage <paramref name="stageIndex"/> of pipeline <paramref name="pipelineIndex"/>, dedented, with a trailing newline.</summary>
    public string Stage(int pipelineIndex, int stageIndex)
    {
        var pipeline = Blocks(0, lines.Length, PipelineIndent)[pipelineIndex];
        return Blocks(pipeline.Start, pipeline.End, StageIndent)[stageIndex].Text;
    }

    private List<(int Start, int End, string Text)> Blocks(int from, int to, int indent)
    {
        var open = new string(' ', indent) + "{";
        var blocks = new List<(int, int, string)>();
        for (var i = from; i < to; i++)
        {
            if (lines[i] != open)
            {
                continue;
            }

            var end = i + 1;
            while (!lines[end].StartsWith(new string(' ', indent) + "}", StringComparison.Ordinal) || lines[end].Length > indent + 2)
            {
                end++;
            }

            var text = string.Join('\n', lines[i..(end + 1)].Select(l => l[indent..])).TrimEnd(',') + "\n";
            blocks.Add((i, end, text));
            i = end;
        }

        return blocks;
    }
}
