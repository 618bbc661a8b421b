using System.Text.RegularExpressions;

namespace BootcImageBuilder.Osbuild.Running;

/// <summary>
/// The pipelines an osbuild run built, in the order it started them. osbuild skips a pipeline whose tree is already
/// in its store, so a needed pipeline missing here came from the store. Its JSON-seq monitor says
/// <c>Starting pipeline NAME</c>; its plain log prints <c>Pipeline NAME: ID</c>.
/// </summary>
internal sealed partial class StartedPipelines
{
    private const string MonitorPrefix = "Starting pipeline ";
    private readonly List<string> _names = [];

    public IReadOnlyList<string> Names
    {
        get
        {
            lock (_names)
            {
                return [.. _names];
            }
        }
    }

    public void ObserveMonitorMessage(string message)
    {
        if (message.StartsWith(MonitorPrefix, StringComparison.Ordinal))
        {
            Add(message[MonitorPrefix.Length..]);
        }
    }

    public void ObserveLogLine(string line)
    {
        if (LogLine().Match(line) is { Success: true } match)
        {
            Add(match.Groups[1].Value);
        }
    }

    private void Add(string name)
    {
        lock (_names)
        {
            _names.Add(name);
        }
    }

    // Not anchored: the log's first line runs on from "starting -", and a terminal may get attributes around it.
    [GeneratedRegex(@"Pipeline (\S+): [0-9a-f]{64}")]
    private static partial Regex LogLine();
}
